package dk.indgang.submission;

import java.util.List;

/**
 * A caseworker filed for a citizen (counter or phone) without reading the declaration aloud. Nothing
 * was stored.
 */
public class DeclarationNotReadAloudException extends NotSubmittableException {

    public DeclarationNotReadAloudException() {
        super(List.of(), "The declaration must be read aloud to the citizen before a caseworker submits");
    }
}
