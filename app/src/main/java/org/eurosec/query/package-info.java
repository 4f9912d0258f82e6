/**
 * The application layer: one query record and one view record per question a user can ask, and
 * {@link org.eurosec.query.Eurosec}, the one implementation that answers them from the loaded
 * data, regimes and readings.
 *
 * <p>Both adapters stand on this package and decide nothing of their own: the command line turns
 * its options into a query and renders the view as a table, CSV or JSON; the HTTP server turns
 * validated query parameters into the same query ({@link org.eurosec.query.Questions} lists every
 * question with its parameters) and writes the view with the same mapper ({@link org.eurosec.query.Json}),
 * so the API answers exactly what {@code --format json} prints. Mistakes are typed
 * ({@link org.eurosec.query.QueryException}): each adapter maps them once, to an exit code or an
 * HTTP status.
 */
package org.eurosec.query;
