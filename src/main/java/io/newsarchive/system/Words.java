package io.newsarchive.system;

import jakarta.persistence.AttributeConverter;

/** Enums read back from their words: the constant whose {@code toString()} a stored or given word is. */
public final class Words {

    private Words() {}

    /** The constant of {@code type} whose word {@code word} is; an IllegalArgumentException if none is. */
    public static <E extends Enum<E>> E of(Class<E> type, String word) {
        E constant = find(type.getEnumConstants(), word);
        if (constant == null) {
            throw new IllegalArgumentException("no " + type.getSimpleName() + " \"" + word + "\"");
        }
        return constant;
    }

    /** The constant whose word {@code word} is, or null. */
    static <E extends Enum<E>> E find(E[] constants, String word) {
        for (E constant : constants) {
            if (constant.toString().equals(word)) {
                return constant;
            }
        }
        return null;
    }

    /** Stores an enum field of an entity as its word; each enum has a one-line subclass with autoApply. */
    public abstract static class Converter<E extends Enum<E>> implements AttributeConverter<E, String> {

        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E constant) {
            return constant == null ? null : constant.toString();
        }

        @Override
        public E convertToEntityAttribute(String word) {
            return word == null ? null : of(type, word);
        }
    }
}
