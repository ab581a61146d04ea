package org.carereview.consult.core.draft;

import java.util.UUID;

/** What every channel's draft has: its id (the browser's cookie holds it, and nothing else). */
public interface ChannelDraft {

    UUID id();
}
