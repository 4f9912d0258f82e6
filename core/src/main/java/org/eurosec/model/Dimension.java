package org.eurosec.model;

/** The Helsinki dimensions plus energy. */
public enum Dimension {
    POLITICO_MILITARY, ECONOMIC_ENVIRONMENTAL, HUMAN, ENERGY;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
