package io.handoff.slack.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.function.Supplier;

/**
 * The repositories' units of work: each in a transaction of its own, with every database failure turned
 * into a {@link PersistenceException} that names what could not be done.
 */
final class Transactions {

    private Transactions() {
    }

    /** Runs {@code work} in a new transaction. */
    static <T> T call(String what, Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (jakarta.persistence.PersistenceException | QuarkusTransactionException e) {
            throw new PersistenceException("cannot " + what, e);
        }
    }

    /**
     * Like {@link #call}, once more when the first transaction inserted a row another writer inserted at the
     * same moment: the second finds the row and updates it or leaves it, as {@code work} decides.
     */
    static <T> T callRacingInserts(String what, Supplier<T> work) {
        try {
            return call(what, work);
        } catch (PersistenceException e) {
            if (!insertRace(e)) {
                throw e;
            }
            return call(what, work);
        }
    }

    private static boolean insertRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }
}
