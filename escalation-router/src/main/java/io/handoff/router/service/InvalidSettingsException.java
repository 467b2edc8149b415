package io.handoff.router.service;

import java.util.List;

/** Settings that cannot be saved; each problem names the field. Mapped once to a 400 problem response. */
public class InvalidSettingsException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidSettingsException(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s)", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
