/**
 * Reading and checking the YAML data: every problem is reported with its file and line, and a
 * directory with any problem yields no {@link org.eurosec.model.Architecture} at all.
 */
package org.eurosec.load;
