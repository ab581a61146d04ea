-- wrk script for bench/intake/run.sh: every request POSTs one new call-for-advice submission, as the public page's
-- API client would: a few ordinary sentences (never a safeguarding disclosure), varied per request, a contact email
-- of its own (so the receipt is queued in the outbox and a contributor account is found or created), and an
-- Idempotency-Key of its own.
--   wrk -t1 -c16 -d30s -s bench/intake/intake.lua http://127.0.0.1:18091 -- <nonce> [spread]
-- The nonce (letters and digits) is in every key and email address, so run.sh can find this run's rows. done()
-- prints one line, "intake ...", with the 201s (the only answers counted as accepted), every other status, wrk's
-- socket errors, and the latency percentiles of all answers.

local respondents = { "CARE_EXPERIENCED", "PARENT_OR_FAMILY", "FOSTER_OR_KINSHIP_CARER", "PRACTITIONER",
  "ORGANISATION", "OTHER" }
local organisations = { "Northfield Foster Carers Network", "Riverside Care Leavers Forum",
  "Kinship Families Together", "Eastgate Youth Advocacy Service", "Hillcrest Family Centre" }
local themes = { "SUPPORT", "STRENGTHENING_FAMILIES", "SAFETY", "CARE", "DELIVERY", "SUSTAINABILITY",
  "ACCOUNTABILITY" }

local questions = {
  "How will the review make sure young people leaving care get a real say in the housing they are offered?",
  "What will change for kinship carers who step in at short notice and get little help with the costs?",
  "How can social workers keep the same families for longer instead of handing them on every few months?",
  "Will the review look at why brothers and sisters are so often placed in different homes?",
  "How will the review measure whether early help for families actually reaches them in time?",
  "What support is there for foster carers when a placement ends suddenly and nobody explains why?",
  "How will councils be held to account for the promises they make in pathway plans?",
  "Why does support stop at eighteen or twenty one when most young people still rely on their families?",
  "How will the review hear from children who are placed far away from the area they grew up in?",
  "What can be done about the number of forms families have to fill in before anyone visits?",
  "Will there be any help with the cost of travel for family time between parents and children?",
  "How will schools and social care share information so that a child does not have to repeat their story?",
}
local advice = {
  "Talk to young people in small groups, with a worker they already know and trust in the room.",
  "Meet families in the evenings or at weekends, because many parents cannot take time off work.",
  "Use short online surveys as well as meetings, and keep the language plain and friendly.",
  "Pay people for their time and cover their travel, so that taking part does not cost them anything.",
  "Go to the places people already use, such as family hubs, youth clubs and children's centres.",
  "Give people the questions in advance so they can think about what they want to say.",
  "Let people bring a friend or an advocate, and make it clear they can stop at any point.",
  "Share a summary afterwards of what people said and how it shaped the recommendations.",
  "Ask foster carers' associations to share the invitation, as carers trust them more than letters.",
  "Offer interpreters and easy read versions so that every family can take part on equal terms.",
}
local resources = {
  "Our annual report on placement stability has figures from the last five years.",
  "The care leavers' forum wrote a short guide on what good pathway planning looks like.",
  "There is a local study of kinship care allowances across the region that may help.",
  "We keep notes from our monthly drop-in sessions and are happy to share a summary.",
  "The family centre ran a survey of parents last spring about waiting times for support.",
}
local groups = {
  "Young carers, care leavers in further education and parents who have been through the courts.",
  "Grandparents raising grandchildren, and the small charities that support them.",
  "Residential care staff and the young people living in children's homes.",
  "Independent reviewing officers and family group conference coordinators.",
  "Refugee families and unaccompanied young people supported by the council.",
}

local function pick(list)
  return list[math.random(#list)]
end

local function two(list)
  local a = math.random(#list)
  local b = math.random(#list - 1)
  if b >= a then b = b + 1 end
  return list[a] .. " " .. list[b]
end

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

-- Set by setup() in each thread's own Lua state before init() runs.
bench_tid = bench_tid or 0
statuses = {}
first_other = ""

local nonce = "x"
local spread = false
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("bench_tid", #threads)
end

function init(args)
  nonce = args[1] or tostring(os.time())
  spread = args[2] == "spread"
  math.randomseed(os.time() * 1000 + bench_tid * 7919 + #nonce)
end

local function body(id)
  local respondent = pick(respondents)
  local fields = {
    '"respondentType":' .. json_string(respondent),
    '"keyQuestions":' .. json_string(two(questions) .. " In our area around " .. math.random(12, 480)
      .. " children and young people are affected."),
    '"engagementAdvice":' .. json_string(two(advice)),
  }
  if respondent == "ORGANISATION" then
    table.insert(fields, '"organisation":' .. json_string(pick(organisations)))
  end
  if math.random() < 0.5 then
    table.insert(fields, '"resources":' .. json_string(pick(resources)))
  end
  if math.random() < 0.5 then
    table.insert(fields, '"groupsToSpeakTo":' .. json_string(pick(groups)))
  end
  local first = math.random(#themes)
  local second = (first + math.random(1, #themes - 1) - 1) % #themes + 1
  table.insert(fields, '"themes":[' .. json_string(themes[first]) .. "," .. json_string(themes[second]) .. "]")
  table.insert(fields, '"contactEmail":' .. json_string("p" .. id .. "@example.org"))
  table.insert(fields, '"consentToContact":' .. (math.random() < 0.6 and "true" or "false"))
  table.insert(fields, '"consentToPublish":' .. (math.random() < 0.4 and "true" or "false"))
  return "{" .. table.concat(fields, ",") .. "}"
end

function request()
  counter = counter + 1
  local id = nonce .. "-" .. bench_tid .. "-" .. counter
  local key = id .. "-" .. string.format("%08x", math.random(0, 0x7fffffff))
  local headers = { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }
  if spread then
    -- A client address of its own, as the proxy in front of production would say (the app trusts it only with
    -- CONSULT_TRUST_FORWARDED_FOR=true): each request counts against a rate-limit row of its own.
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255),
      math.random(1, 254))
  end
  return wrk.format("POST", "/api/v1/call-for-advice/submissions", headers, body(id))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 201 and first_other == "" then
    first_other = status .. " " .. (body or ""):sub(1, 300):gsub("%s+", " ")
  end
end

function done(summary, latency, requests)
  local counts = {}
  local sample = ""
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
    local other = thread:get("first_other")
    if sample == "" and other ~= "" then sample = other end
  end
  local others = {}
  for status, n in pairs(counts) do
    if status ~= 201 then table.insert(others, status .. ":" .. n) end
  end
  table.sort(others)
  local e = summary.errors
  io.write(string.format("intake answers=%d accepted=%d seconds=%.3f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f "
    .. "max_ms=%.2f other=%s socket_errors=connect:%d,read:%d,write:%d,timeout:%d\n",
    summary.requests, counts[201] or 0, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    #others == 0 and "none" or table.concat(others, ","), e.connect, e.read, e.write, e.timeout))
  if sample ~= "" then
    io.write("intake first other answer: " .. sample .. "\n")
  end
end
