/** Explanations: every answer as a tree of claims down to the sourced facts behind it. */
package org.eurosec.explain;
