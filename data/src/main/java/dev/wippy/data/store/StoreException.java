package dev.wippy.data.store;

/** A store operation that failed with an error kind of spec 08 §4.6 ({@code ""} for database errors). */
final class StoreException extends Exception {
    final String kind;

    StoreException(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }
}
