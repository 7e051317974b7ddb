-- wrk script for bench/appointments.sh. MODE (from the environment via target/bench-appointments-plan.lua):
--   "many": each request books a random slot of one of the days for the next resident, so no
--           resident books one service twice on a day (n-th request, n = k * threads + t:
--           resident n mod R, day n mod 14; a pair repeats only after lcm(R, 14) requests);
--   "hot":  every request books the one hot slot, each by another resident;
--   "read": public availability of one day from a random day (no token);
--   "mine": each resident in turn opens their appointments, as the app does before booking (the
--           warm-up: each resident's bearer token is verified once, as it would be by then).
dofile("target/bench-appointments-plan.lua")
local mode = os.getenv("MODE") or "many"
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end
function init(args)
  k = 0
  math.randomseed(os.time() + tid * 7919)
end
request = function()
  if mode == "read" then
    local day = days[math.random(1, #days)]
    return wrk.format("GET", "/api/stations/" .. station .. "/slots?service=general-practice&from=" .. day .. "&to=" .. day)
  end
  if mode == "mine" then
    local n = k * threads + tid
    k = k + 1
    return wrk.format("GET", "/api/me/appointments", {["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1]})
  end
  local n = k * threads + tid
  k = k + 1
  local resident = (n % #tokens) + 1
  local slot
  if mode == "hot" then
    slot = hot
  else
    local d = n % #days + 1
    local ids = slots[d]
    slot = ids[math.random(1, #ids)]
  end
  return wrk.format("POST", "/api/appointments", {
    ["Authorization"] = "Bearer " .. tokens[resident],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = mode .. "-" .. tid .. "-" .. k
  }, '{"slotId":' .. slot .. '}')
end
