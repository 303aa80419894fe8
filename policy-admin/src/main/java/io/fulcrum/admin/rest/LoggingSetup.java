package io.fulcrum.admin.rest;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Installs {@link LogRedaction} when the application starts, before it serves a request. */
@WebListener
public class LoggingSetup implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    LogRedaction.install();
  }
}
