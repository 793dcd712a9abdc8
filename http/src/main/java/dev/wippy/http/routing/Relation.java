package dev.wippy.http.routing;

/** How the sets of requests two patterns match relate to each other. */
enum Relation {
    EQUIVALENT, MORE_GENERAL, MORE_SPECIFIC, OVERLAPS, DISJOINT;

    Relation inverse() {
        return switch (this) {
            case MORE_GENERAL -> MORE_SPECIFIC;
            case MORE_SPECIFIC -> MORE_GENERAL;
            default -> this;
        };
    }

    /** The relation of two patterns from the relations of two of their independent parts. */
    Relation and(Relation next) {
        return switch (this) {
            case EQUIVALENT -> next;
            case DISJOINT -> DISJOINT;
            case OVERLAPS -> next == DISJOINT ? DISJOINT : OVERLAPS;
            case MORE_GENERAL, MORE_SPECIFIC -> {
                if (next == EQUIVALENT) {
                    yield this;
                }
                yield next == inverse() ? OVERLAPS : next;
            }
        };
    }
}
