package io.handoff.router.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One parameterised statement, for the repositories' single-row updates. */
final class Sql {

    private Sql() {
    }

    /** Runs the update; a database error becomes a {@link PersistenceException} saying {@code what} failed. */
    static int update(DataSource dataSource, String what, String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            return update(c, what, sql, args);
        } catch (SQLException e) {
            throw new PersistenceException("cannot " + what, e);
        }
    }

    /** The same on a connection the caller holds, in its transaction. */
    static int update(Connection c, String what, String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot " + what, e);
        }
    }
}
