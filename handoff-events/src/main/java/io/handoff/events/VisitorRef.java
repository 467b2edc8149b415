package io.handoff.events;

/** What the upstream chat service knows about the person talking to the chatbot. Every field but the id is optional. */
public record VisitorRef(ExternalId id, String email, String firstName, String lastName, String phone) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    /** A copy that also knows the visitor's email, keeping everything else. */
    public VisitorRef withEmail(String newEmail) {
        return new VisitorRef(id, newEmail, firstName, lastName, phone);
    }

    /** Fills the fields this visitor lacks from {@code other}; fields already known win. */
    public VisitorRef mergedWith(VisitorRef other) {
        if (other == null) {
            return this;
        }
        return new VisitorRef(id,
                hasEmail() ? email : other.email(),
                firstName != null ? firstName : other.firstName(),
                lastName != null ? lastName : other.lastName(),
                phone != null ? phone : other.phone());
    }

    /** "Jane Doe", "Jane", or null when no name is known. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? null : name;
    }
}
