package io.encaptio.tenancy.application;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.IntConsumer;

/** Work that waits for the current JTA transaction to end (Evictions, AnalyticsEvents). */
public final class AfterTransaction {

  private AfterTransaction() {}

  /**
   * Has {@code onEnd} called with the transaction's final status ({@code
   * jakarta.transaction.Status}) once the current transaction has ended.
   *
   * @return false, and nothing registered, when no transaction runs (or outside a container)
   */
  public static boolean register(
      TransactionSynchronizationRegistry transactions, IntConsumer onEnd) {
    if (transactions == null || transactions.getTransactionKey() == null) {
      return false;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            onEnd.accept(status);
          }
        });
    return true;
  }
}
