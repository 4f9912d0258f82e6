package org.eurosec.model;

/** Whether a state is generally recognised, or only by a few (Kosovo, Abkhazia, ...). */
public enum Recognition {
    GENERAL, LIMITED
}
