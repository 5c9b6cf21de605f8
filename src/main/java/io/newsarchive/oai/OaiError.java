package io.newsarchive.oai;

/** An OAI-PMH error condition: the protocol's code and what was wrong, answered in the XML with status 200. */
final class OaiError extends RuntimeException {

    /** The protocol's error codes (OAI-PMH 2.0, section 3.6). */
    enum Code {
        BAD_ARGUMENT("badArgument"),
        BAD_RESUMPTION_TOKEN("badResumptionToken"),
        BAD_VERB("badVerb"),
        CANNOT_DISSEMINATE_FORMAT("cannotDisseminateFormat"),
        ID_DOES_NOT_EXIST("idDoesNotExist"),
        NO_RECORDS_MATCH("noRecordsMatch");

        private final String word;

        Code(String word) {
            this.word = word;
        }

        /** The code as the protocol writes it: {@code badArgument}, ... */
        @Override
        public String toString() {
            return word;
        }
    }

    final Code code;

    OaiError(Code code, String message) {
        super(message);
        this.code = code;
    }

    /** Whether the request element of the answer names only the base URL (badVerb and badArgument, says the protocol). */
    boolean hidesArguments() {
        return code == Code.BAD_VERB || code == Code.BAD_ARGUMENT;
    }
}
