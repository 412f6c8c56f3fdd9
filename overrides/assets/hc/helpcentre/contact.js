/* A contact block's "Open now / Closed now", from the contact's weekly hours in its own time zone. */

function minutesIn(timeZone) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23"
  }).formatToParts(new Date());
  const get = function (type) { return parts.filter(function (p) { return p.type === type; })[0].value; };
  const day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday"));
  return { day, minutes: parseInt(get("hour"), 10) * 60 + parseInt(get("minute"), 10) };
}

export function contactStatus(root) {
  root.querySelectorAll("[data-hc='contact'][data-schedule]").forEach(function (block) {
    const status = block.querySelector(".hc-contact__status");
    if (!status) return;
    try {
      const schedule = JSON.parse(block.getAttribute("data-schedule"));
      const now = minutesIn(schedule.tz);
      const open = (schedule.days[String(now.day)] || []).some(function (range) {
        return now.minutes >= range[0] && now.minutes < range[1];
      });
      status.textContent = status.getAttribute(open ? "data-open" : "data-closed");
      status.classList.toggle("hc-contact__status--open", open);
      status.hidden = false;
    } catch { status.hidden = true; }
  });
}
