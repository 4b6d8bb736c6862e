// Keeps a HavunCore dashboard page current without reloading: the dashboard sends a view's new
// <main> as a server-sent event when GitHub changed. Without this script the page still works
// (a <noscript> refresh keeps it current).
const main = document.getElementById("main");
const state = document.getElementById("live-state");
const source = main && main.dataset.live;

function say(text) {
  if (state) state.textContent = text;
}

if (source && "EventSource" in window) {
  const events = new EventSource(source);
  events.addEventListener("open", () => say("live: updates as GitHub changes"));
  events.addEventListener("error", () => say("reconnecting to the dashboard…"));
  events.addEventListener("problem", (event) =>
    say(`GitHub could not be read (${JSON.parse(event.data)}); trying again`),
  );
  events.addEventListener("update", (event) => {
    const data = JSON.parse(event.data);
    main.innerHTML = data.html;
    main.dataset.version = data.version;
    document.title = data.title;
    say(`live: updated ${new Date().toLocaleTimeString()}`);
  });
}
