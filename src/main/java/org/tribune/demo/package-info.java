/**
 * A believable demo community, seeded on request ({@code TRIBUNE_DEMO_DATA=true}) into an empty
 * database so that a newcomer sees a living portal. It goes through the same entities and the same
 * vote ingest as real use, never around them; nothing depends on this package.
 */
package org.tribune.demo;
