// The sample's chat page: sends the message to /chat/stream and shows the answer as it streams in. Each event's data
// is a JSON string (ChatServerSentEvents), so fragments keep their leading spaces; an "error" event, or a problem
// response before the stream starts, carries an RFC 9457 problem whose detail is shown.
(function () {
	'use strict';

	const form = document.getElementById('chat-form');
	const conversation = document.getElementById('conversation');
	// the demo's answer after a tool call starts with "According to <tool>, ..."; the stream itself carries text only
	const TOOL_CALL = /According to ([a-z_][a-z0-9_]*)[,:] ([^.]*)/;

	function add(kind, text) {
		const item = document.createElement('li');
		item.className = kind;
		item.textContent = text;
		conversation.appendChild(item);
		return item;
	}

	function showProblem(problem) {
		const who = problem.provider ? ' (provider ' + problem.provider + ')' : '';
		add('error', (problem.title || 'Error') + who + ': ' + (problem.detail || 'HTTP ' + problem.status));
	}

	function parseProblem(text, status) {
		try {
			return JSON.parse(text);
		}
		catch (e) {
			return { title: 'Error', status: status, detail: 'HTTP ' + status };
		}
	}

	// Split a server-sent event stream into events: {event, data}.
	function eventsOf(block) {
		let event = 'message';
		const data = [];
		block.split(/\r?\n/).forEach(function (line) {
			if (line.startsWith('event:')) {
				event = line.slice(6).trim();
			}
			else if (line.startsWith('data:')) {
				data.push(line.slice(5));
			}
		});
		return data.length ? { event: event, data: data.join('\n') } : null;
	}

	async function stream(message, provider) {
		const answer = add('assistant', '');
		answer.classList.add('streaming');
		const query = new URLSearchParams({ message: message });
		if (provider) {
			query.set('provider', provider);
		}
		const response = await fetch('/chat/stream?' + query, { headers: { Accept: 'text/event-stream' } });
		if (!response.ok) {
			answer.remove();
			showProblem(parseProblem(await response.text(), response.status));
			return;
		}
		const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		for (;;) {
			const { value, done } = await reader.read();
			if (done) {
				break;
			}
			buffer += value;
			let end;
			while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
				const event = eventsOf(block);
				if (event === null) {
					continue;
				}
				if (event.event === 'error') {
					showProblem(parseProblem(event.data, 500));
				}
				else {
					answer.textContent += JSON.parse(event.data);
					answer.dataset.fragments = String(Number(answer.dataset.fragments || 0) + 1);
				}
			}
		}
		answer.classList.remove('streaming');
		answer.classList.add('done');
		const tool = TOOL_CALL.exec(answer.textContent);
		if (tool) {
			add('tool', 'tool ' + tool[1] + ': ' + tool[2]);
		}
	}

	form.addEventListener('submit', function (submit) {
		submit.preventDefault();
		const message = document.getElementById('message').value;
		const provider = document.getElementById('provider').value.trim();
		add('user', message);
		document.getElementById('message').value = '';
		stream(message, provider).catch(function (failure) {
			add('error', 'Error: ' + failure.message);
		});
	});
})();
