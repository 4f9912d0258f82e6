package org.eurosec.model;

/** Whether an instrument binds its parties in international law or only politically. */
public enum LegalForce {
    BINDING, POLITICAL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
