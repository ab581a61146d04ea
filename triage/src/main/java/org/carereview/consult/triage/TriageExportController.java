package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.ReviewerOrAdmin;

import java.io.InputStream;
import java.util.concurrent.ExecutorService;

/** The filtered set as CSV or ODS, streamed (reviewers and administrators; flagged submissions never included). */
@Controller("/api/v1/triage")
@ExecuteOn(TaskExecutors.BLOCKING)
@ReviewerOrAdmin
class TriageExportController {

    private final TriageExport export;
    private final ExecutorService executor;

    TriageExportController(TriageExport export, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.export = export;
        this.executor = executor;
    }

    @PersonalData
    @Get(value = "/export.csv", produces = "text/csv")
    HttpResponse<InputStream> csv(@RequestBean TriageQuery query, Authentication who) {
        Viewer viewer = Viewer.of(who);
        TriageFilter filter = filter(query, viewer);
        InputStream body = ExportPipe.start(executor, out -> export.writeCsv(filter, viewer, out));
        return HttpResponse.ok(body).contentType(MediaType.of("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"submissions.csv\"");
    }

    @PersonalData
    @Get(value = "/export.ods", produces = OdsSink.MIMETYPE)
    HttpResponse<InputStream> ods(@RequestBean TriageQuery query, Authentication who) {
        Viewer viewer = Viewer.of(who);
        TriageFilter filter = filter(query, viewer);
        InputStream body = ExportPipe.start(executor, out -> export.writeOds(filter, viewer, out));
        return HttpResponse.ok(body).contentType(MediaType.of(OdsSink.MIMETYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"submissions.ods\"");
    }

    /** An export is sorted newest first unless a sort is asked for; bad input is a 422 before the response starts streaming. */
    private TriageFilter filter(TriageQuery query, Viewer viewer) {
        TriageFilter filter = query.newestUnlessSorted().filter(viewer.accountId());
        export.check(filter);
        return filter;
    }
}
