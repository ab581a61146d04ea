package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Introspected;

import java.util.List;
import java.util.Map;

/** The list of areas ({@code deepdives/areas}): whether "Add an area" shows, and the table of areas. */
@Introspected
record AreasPage(boolean admin, List<Map<String, Object>> head, List<List<Map<String, Object>>> areas) {
}
