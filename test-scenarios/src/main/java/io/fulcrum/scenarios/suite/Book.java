package io.fulcrum.scenarios.suite;

import io.fulcrum.engine.domain.Account;
import io.fulcrum.scenarios.generate.BookGenerator;
import java.util.List;
import java.util.Optional;

/**
 * The accounts of a suite: those written out, then the generated ones. Generated accounts are made
 * on demand from their index, so a book of 100,000 costs no memory until evaluated.
 */
public final class Book {

  private final List<Account> written;
  private final Optional<BookGenerator> generator;

  public Book(List<Account> written, Optional<BookGenerator> generator) {
    this.written = List.copyOf(written);
    this.generator = generator;
  }

  public int size() {
    return written.size() + generator.map(BookGenerator::size).orElse(0);
  }

  public Account account(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(
          "account index must be in [0," + size() + ") but was " + index);
    }
    return index < written.size()
        ? written.get(index)
        : generator.orElseThrow().account(index - written.size());
  }

  public List<Account> written() {
    return written;
  }
}
