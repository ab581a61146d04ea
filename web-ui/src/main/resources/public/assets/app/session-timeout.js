// The warning before a member of staff's session ends (the GOV.UK and HMRC timeout pattern). The server signs a
// member of staff out after 30 minutes without using the service; two minutes before that, a modal dialog says
// so, with "Stay signed in" (which renews the session) and "Sign out". Before it opens it asks the server how long
// is left, because another tab may have kept the session going. When the time is up it goes to a page that says
// why. Without JavaScript the session still ends; the next page asks the person to sign in.
const TIME_LEFT = '/staff/session/time-left'
const KEEP = '/staff/session/keep'
const SIGNED_OUT = '/staff/signed-out'

export function initSessionTimeout () {
  const root = document.querySelector('[data-module="app-session-timeout"]')
  const dialog = root && root.querySelector('dialog')
  if (!dialog || typeof dialog.showModal !== 'function' || typeof window.fetch !== 'function') {
    return
  }
  const warn = Number(root.dataset.warnSeconds)
  const countdown = dialog.querySelector('.app-session-timeout__countdown')
  let timer = null
  let ticker = null
  let deadline = 0
  let expected = 0
  let returnFocus = null

  function schedule (secondsLeft) {
    expected = Date.now() + secondsLeft * 1000
    window.clearTimeout(timer)
    timer = window.setTimeout(check, Math.max(0, secondsLeft - warn) * 1000)
  }

  async function ask (url, method) {
    const response = await window.fetch(url, { method, credentials: 'same-origin', headers: { Accept: 'application/json' } })
    return response.ok ? (await response.json()).secondsLeft : 0
  }

  async function check () {
    let left
    try {
      left = await ask(TIME_LEFT, 'GET')
    } catch (offline) {
      left = Math.round((expected - Date.now()) / 1000)
    }
    if (left > warn + 5) {
      schedule(left)
    } else {
      open(left)
    }
  }

  function open (left) {
    deadline = Date.now() + left * 1000
    render(left)
    if (!dialog.open) {
      returnFocus = document.activeElement
      dialog.showModal()
      dialog.querySelector('h2').focus()
    }
    window.clearInterval(ticker)
    ticker = window.setInterval(tick, 1000)
  }

  function tick () {
    const left = Math.round((deadline - Date.now()) / 1000)
    if (left <= 0) {
      window.clearInterval(ticker)
      window.location.href = SIGNED_OUT
    } else {
      render(left)
    }
  }

  // Minutes while a minute or more is left, then seconds in steps of 15, so that the words do not change too often.
  function render (left) {
    if (left >= 60) {
      const minutes = Math.ceil(left / 60)
      countdown.textContent = minutes === 1 ? '1 minute' : `${minutes} minutes`
    } else {
      const seconds = Math.max(15, Math.ceil(left / 15) * 15)
      countdown.textContent = `${seconds} seconds`
    }
  }

  async function keep () {
    window.clearInterval(ticker)
    let left = 0
    try {
      left = await ask(KEEP, 'POST')
    } catch (offline) {
      left = 0
    }
    if (left <= 0) {
      window.location.href = SIGNED_OUT
      return
    }
    dialog.close()
    if (returnFocus && typeof returnFocus.focus === 'function') {
      returnFocus.focus()
    }
    schedule(left)
  }

  dialog.querySelector('[data-session-keep]').addEventListener('click', keep)
  // Escape means "I am still here", as in the HMRC pattern.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    keep()
  })
  schedule(Number(root.dataset.secondsLeft))
}
