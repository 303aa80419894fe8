package io.fulcrum.engine.domain;

public enum OptionRight {
  CALL,
  PUT
}
