package org.carereview.consult.triage;

import java.io.IOException;

/** Where exported rows go, one at a time (CSV or ODS). */
interface RowSink {

    void header(String[] columns) throws IOException;

    void row(String[] cells) throws IOException;

    void finish() throws IOException;
}
