package io.handoff.router.service;

/** One thing wrong with a request, named by its JSON path ({@code email.recipients[1]}). */
public record FieldProblem(String field, String message) {
}
