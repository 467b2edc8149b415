package io.handoff.router.rest;

import io.handoff.router.service.FieldProblem;

import java.util.List;

/** Query parameters that cannot be used; each problem names the parameter. Mapped to a 400 problem. */
public class InvalidQueryException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidQueryException(List<FieldProblem> problems) {
        super(problems.size() + " invalid parameter(s)", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
