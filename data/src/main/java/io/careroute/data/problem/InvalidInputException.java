package io.careroute.data.problem;

import java.util.List;

/** An input was refused; every error names its field or row. Nothing of the input was used. */
public class InvalidInputException extends RuntimeException {

    private final List<InputError> errors;

    public InvalidInputException(List<InputError> errors) {
        // The message carries only the count: the errors themselves may quote user data and must not reach logs.
        super(errors.size() + " input error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }
}
