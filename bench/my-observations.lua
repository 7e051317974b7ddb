-- wrk script: many residents each asking for their latest 20 observations, round robin.
-- target/bench-tokens.lua (written by my-observations.sh) defines `tokens`.
dofile("target/bench-tokens.lua")
local n = 0
request = function()
  n = n + 1
  local token = tokens[(n % #tokens) + 1]
  return wrk.format("GET", "/api/me/observations?size=20", { ["Authorization"] = "Bearer " .. token })
end
