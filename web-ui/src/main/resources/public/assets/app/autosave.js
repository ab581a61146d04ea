// Saves what is on a journey's question page while the person is on it, so that leaving the page loses nothing:
// quietly while they type (at most once every 30 seconds), when they leave a box, when they follow the page's
// Back link (the save goes first), and when the page is hidden or left any other way (another tab, closing it).
//
// A form opts in with data-autosave="<url>". The url takes the form's own fields, as the form would post them
// (with its CSRF field), form-urlencoded; it keeps them as typed and answers 204, or 404/410 when there is
// nothing to save into any more (then this stops). Nothing is kept in the browser: the answers go to the draft
// on the server only (ADR 14). Without JavaScript the page works as before: its buttons save, Back is a link.

const INTERVAL = 30 * 1000
// How long following the Back link waits for the save before it goes anyway (the page then saves as it goes).
const BACK_LINK_WAIT = 3 * 1000
// How long a button that sends the form waits for a save already on its way: a save that reached the server after
// the button's post would put back what the page held before (a box's answer made empty again).
const SUBMIT_WAIT = 10 * 1000

export function initAutosave (root = document) {
  root.querySelectorAll('form[data-autosave]').forEach((form) => autosave(form, root))
}

function autosave (form, root) {
  const url = form.getAttribute('data-autosave')
  let saved = fields(form)
  let timer = null
  let queue = Promise.resolve()
  let stopped = false
  let submitting = false

  const changed = () => !stopped && !submitting && fields(form) !== saved

  // One save at a time, in order, so an older save never lands after a newer one.
  const save = () => {
    clearTimeout(timer)
    timer = null
    queue = queue.then(() => changed() ? send(fields(form), false) : undefined)
    return queue
  }

  // Saves sent and not yet answered.
  const onTheirWay = new Set()

  const send = (body, keepalive) => {
    const sending = sendNow(body, keepalive)
    onTheirWay.add(sending)
    return sending.finally(() => onTheirWay.delete(sending))
  }

  const sendNow = async (body, keepalive) => {
    try {
      const response = await post(url, body, keepalive)
      if (response.ok) {
        saved = body
      } else if ([403, 404, 410].includes(response.status)) {
        stopped = true
      }
    } catch (offline) {
      // Not saved; the next change, blur or leaving the page tries again.
    }
  }

  // Leaving or hiding the page: send now, outside the queue, in a request that outlives the page (once: hiding
  // the tab and then closing it sends what is on the page once).
  let flushed = null
  const flush = () => {
    const body = fields(form)
    if (changed() && body !== flushed) {
      flushed = body
      send(body, true)
    }
  }

  const schedule = () => {
    if (timer === null && !stopped) {
      timer = setTimeout(save, INTERVAL)
    }
  }

  form.addEventListener('input', schedule)
  form.addEventListener('change', schedule)
  form.addEventListener('focusout', (event) => {
    // Moving to a button that sends a form: that post saves (or, for "Forget my answers", should not).
    const next = event.relatedTarget
    if (!(next && next.type === 'submit') && changed()) {
      save()
    }
  })
  // A button pressed while a save is on its way: the form is sent once that save is answered (or after
  // SUBMIT_WAIT), so the button's post, which holds everything on the page, is the last to arrive. More presses
  // meanwhile are ignored. A browser without requestSubmit sends at once, as without JavaScript.
  let holding = false
  let released = false
  form.addEventListener('submit', (event) => {
    if (released || !form.requestSubmit) {
      return
    }
    if (holding) {
      event.preventDefault()
      return
    }
    if (onTheirWay.size === 0) {
      return
    }
    event.preventDefault()
    holding = true
    const submitter = event.submitter
    const go = () => {
      released = true
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined)
    }
    Promise.race([Promise.allSettled([...onTheirWay]), new Promise((resolve) => setTimeout(resolve, SUBMIT_WAIT))])
      .then(go, go)
  })
  // Any form sent from the page (this one saves itself; "Forget my answers on this device" must not be undone).
  root.addEventListener('submit', () => { submitting = true })
  // Back to this page from the browser's history: it can be sent and saved again.
  window.addEventListener('pageshow', () => { submitting = false; holding = false; released = false })
  window.addEventListener('pagehide', flush)
  root.addEventListener('visibilitychange', () => {
    if (root.visibilityState === 'hidden') {
      flush()
    }
  })

  root.querySelectorAll('a.govuk-back-link').forEach((link) => {
    link.addEventListener('click', (event) => {
      if (!changed()) {
        return
      }
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        flush() // opened elsewhere: this page stays, but save now all the same
        return
      }
      event.preventDefault()
      const go = () => window.location.assign(link.href)
      Promise.race([save(), new Promise((resolve) => setTimeout(resolve, BACK_LINK_WAIT))]).then(go, go)
    })
  })
}

function fields (form) {
  return new URLSearchParams(new FormData(form)).toString()
}

// A keepalive request outlives the page but may carry at most 64 KB; a longer one is sent as a beacon (which
// also outlives the page), or failing that as an ordinary request.
async function post (url, body, keepalive) {
  const init = {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    credentials: 'same-origin'
  }
  if (!keepalive) {
    return fetch(url, init)
  }
  try {
    return await fetch(url, { ...init, keepalive: true })
  } catch (tooLarge) {
    const blob = new Blob([body], { type: 'application/x-www-form-urlencoded' })
    if (navigator.sendBeacon && navigator.sendBeacon(url, blob)) {
      return { ok: true, status: 204 }
    }
    return fetch(url, init)
  }
}
