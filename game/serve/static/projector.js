// The projector's board, kept up to date from /events (server-sent events).
// Every text from the server is put in with textContent: a name is never read as HTML.
"use strict";

(function () {
  const state = JSON.parse(document.getElementById("state").textContent);
  const strings = state.strings;
  const lang = strings.lang;
  const plural = new Intl.PluralRules(lang);

  function text(key) {
    return strings.plain[key] || key;
  }

  function counted(key, count) {
    const forms = strings.counted[key] || {};
    const template = forms[plural.select(count)] || forms.other || "{count}";
    return template.replace("{count}", String(count));
  }

  function titleOf(titles, fallback) {
    return (titles && (titles[lang] || titles.en)) || fallback;
  }

  function element(tag, content, className) {
    const node = document.createElement(tag);
    if (content !== undefined && content !== null) {
      node.textContent = String(content);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function ranking(entry) {
    const table = element("table");
    const head = element("tr");
    for (const key of ["serve.col.place", "serve.col.name", "serve.col.score", "serve.col.ending"]) {
      head.appendChild(element("th", text(key)));
    }
    table.appendChild(element("thead")).appendChild(head);
    const body = table.appendChild(element("tbody"));
    for (const row of entry.rows) {
      const line = element("tr");
      line.appendChild(element("td", row.place));
      line.appendChild(element("td", row.name));
      line.appendChild(element("td", Number(row.score).toFixed(1)));
      line.appendChild(element("td", titleOf(row.ending, "")));
      body.appendChild(line);
    }
    return table;
  }

  function scenario(entry) {
    const section = element("section", null, "scenario");
    section.dataset.id = entry.id;
    const heading = element("h2", titleOf(entry.title, entry.id) + " ");
    heading.appendChild(element("span", counted("serve.runs", entry.plays), "count"));
    section.appendChild(heading);
    section.appendChild(ranking(entry));
    if (entry.earlier) {
      section.appendChild(element("p", counted("serve.earlier", entry.earlier), "note"));
    }
    const links = element("p", null, "links");
    const map = element("a", text("serve.map"));
    map.href = "/map/" + encodeURIComponent(entry.id) + "?lang=" + lang;
    links.appendChild(map);
    section.appendChild(links);
    return section;
  }

  function render(snapshot) {
    const round = document.getElementById("round");
    const template = snapshot.open ? strings.round.open : strings.round.closed;
    round.textContent = template.replace("{round}", String(snapshot.round));
    const board = document.getElementById("board");
    const shown = snapshot.scenarios.filter((e) => e.plays || e.earlier);
    board.replaceChildren(...shown.map(scenario));
    if (!shown.length) {
      board.appendChild(element("p", text("serve.no.runs"), "note"));
    }
    const players = document.getElementById("players");
    if (!snapshot.players.length) {
      players.replaceChildren(element("p", text("serve.nobody.playing"), "note"));
    } else {
      const list = element("ul");
      for (const p of snapshot.players) {
        const item = element("li");
        item.appendChild(element("span", p.name, "who"));
        item.appendChild(
          document.createTextNode(
            " · " + titleOf(p.title, p.scenario) + " · " + counted("serve.decisions", p.decisions),
          ),
        );
        list.appendChild(item);
      }
      players.replaceChildren(list);
    }
    document.body.dataset.revision = String(snapshot.revision || 0);
  }

  function status(live) {
    const node = document.getElementById("status");
    node.textContent = text(live ? "serve.live" : "serve.offline");
    node.classList.toggle("offline", !live);
  }

  const source = new EventSource("/events");
  source.addEventListener("board", (event) => {
    render(JSON.parse(event.data));
    status(true);
  });
  source.addEventListener("error", () => status(false));
  source.addEventListener("open", () => status(true));
})();
