// Starts GOV.UK Frontend's JavaScript for every component on the page (character counts, conditional
// reveals, the error summary's focus, buttons that ignore double clicks, the skip link...), and our own
// enhancements: autosave on the journeys' question pages (autosave.js) and, for staff, the warning before a
// session ends (session-timeout.js).
// Loaded with <script type="module">, so browsers too old for GOV.UK Frontend never run it.
import { initAll } from '../govuk-frontend.min.js'
import { initAutosave } from './autosave.js'
import { initSessionTimeout } from './session-timeout.js'

initAll()
initAutosave()
initSessionTimeout()
