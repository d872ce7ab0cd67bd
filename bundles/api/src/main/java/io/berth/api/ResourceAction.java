package io.berth.api;

/** What a plan does to one resource. */
public enum ResourceAction {
    /** Berth creates it and owns it. */
    CREATE,
    /** It exists and matches what Berth would create. */
    KEEP,
    /** It exists but differs from the generated state, and Berth updates it. */
    UPDATE,
    /** It belongs to the customer; Berth uses it and never modifies or deletes it. */
    ADOPT,
    /** Berth removes it. */
    DELETE
}
