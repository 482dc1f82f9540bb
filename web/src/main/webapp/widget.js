/*
 * Encaptio chat widget. One script tag per capsule:
 *
 *   <script src="https://<encaptio>/widget.js" data-capsule="pk_..." async></script>
 *
 * data-mode: bubble (default: a launcher in a corner), inline (inside data-target, a CSS selector)
 * or popup (no launcher; opened by Encaptio.get(key).open() or any element with
 * data-encaptio-open="pk_..."). data-token: a signed embed token from the page's backend.
 * data-lang: the interface language (default: the capsule's).
 *
 * JavaScript API: Encaptio.get(key) (or the value Encaptio.mount(options) returns) has open(),
 * close(), toggle(), send(text) (a Promise of the answer) and on(event, handler) for ready, open,
 * close, message, answer, feedback, lead, error.
 *
 * No framework; everything lives in a shadow root, so the page's CSS does not reach in and the
 * widget's does not leak out. It talks to Encaptio only through the public API
 * (/api/public/v1/capsules/{key}). Whatever a visitor, the assistant or the content says is put
 * in the page as text, never as HTML.
 */
(function () {
  'use strict';

  /** Line drawings of the icons (24 by 24): a thumb, and a speech bubble for the launcher. */
  var THUMB = 'M3 11h4v9H3z M7 11l3.5-7.5c1.6 0 2.8 1.1 2.8 2.6V9h5.2a2 2 0 0 1 2 2.3l-1.2 6.9A2 2 0 0 1 17.3 20H7';
  var SPEECH = 'M4 5h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H10l-5 4v-4H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z';

  var TEXT = {
    en: {
      open: 'Open chat', close: 'Close chat', title: 'Chat', send: 'Send', input: 'Your question',
      placeholder: 'Ask a question…', sources: 'Sources', helpful: 'Helpful', unhelpful: 'Not helpful',
      thanks: 'Thanks for the feedback.', thinking: 'Thinking…', failed: 'Something went wrong. Please try again.',
      limited: 'Too many messages. Try again in {s} seconds.', lead: 'Leave your details',
      leadSend: 'Send details', leadDone: 'Thank you, we will be in touch.', consent: 'Consent',
      name: 'Name', email: 'E-mail', phone: 'Phone', company: 'Company', message: 'Message',
      suggested: 'Suggested questions', you: 'You', assistant: 'Assistant', newChat: 'New conversation',
      unavailable: 'This chat is not available right now.'
    },
    de: {
      open: 'Chat öffnen', close: 'Chat schließen', title: 'Chat', send: 'Senden', input: 'Ihre Frage',
      placeholder: 'Stellen Sie eine Frage…', sources: 'Quellen', helpful: 'Hilfreich', unhelpful: 'Nicht hilfreich',
      thanks: 'Danke für Ihre Rückmeldung.', thinking: 'Einen Moment…', failed: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
      limited: 'Zu viele Nachrichten. Bitte in {s} Sekunden erneut versuchen.', lead: 'Kontaktdaten hinterlassen',
      leadSend: 'Daten senden', leadDone: 'Danke, wir melden uns.', consent: 'Einwilligung',
      name: 'Name', email: 'E-Mail', phone: 'Telefon', company: 'Firma', message: 'Nachricht',
      suggested: 'Vorgeschlagene Fragen', you: 'Sie', assistant: 'Assistent', newChat: 'Neues Gespräch',
      unavailable: 'Dieser Chat ist gerade nicht verfügbar.'
    },
    fr: {
      open: 'Ouvrir le chat', close: 'Fermer le chat', title: 'Chat', send: 'Envoyer', input: 'Votre question',
      placeholder: 'Posez une question…', sources: 'Sources', helpful: 'Utile', unhelpful: 'Pas utile',
      thanks: 'Merci pour votre avis.', thinking: 'Un instant…', failed: 'Une erreur est survenue. Veuillez réessayer.',
      limited: 'Trop de messages. Réessayez dans {s} secondes.', lead: 'Laisser vos coordonnées',
      leadSend: 'Envoyer', leadDone: 'Merci, nous vous recontacterons.', consent: 'Consentement',
      name: 'Nom', email: 'E-mail', phone: 'Téléphone', company: 'Entreprise', message: 'Message',
      suggested: 'Questions suggérées', you: 'Vous', assistant: 'Assistant', newChat: 'Nouvelle conversation',
      unavailable: 'Ce chat n’est pas disponible pour le moment.'
    },
    es: {
      open: 'Abrir chat', close: 'Cerrar chat', title: 'Chat', send: 'Enviar', input: 'Su pregunta',
      placeholder: 'Haga una pregunta…', sources: 'Fuentes', helpful: 'Útil', unhelpful: 'No es útil',
      thanks: 'Gracias por su opinión.', thinking: 'Un momento…', failed: 'Algo salió mal. Inténtelo de nuevo.',
      limited: 'Demasiados mensajes. Inténtelo de nuevo en {s} segundos.', lead: 'Dejar sus datos',
      leadSend: 'Enviar datos', leadDone: 'Gracias, nos pondremos en contacto.', consent: 'Consentimiento',
      name: 'Nombre', email: 'Correo', phone: 'Teléfono', company: 'Empresa', message: 'Mensaje',
      suggested: 'Preguntas sugeridas', you: 'Usted', assistant: 'Asistente', newChat: 'Nueva conversación',
      unavailable: 'Este chat no está disponible ahora.'
    }
  };

  var script = document.currentScript;
  var scriptSrc = script && script.src ? script.src : '';

  function Widget(options) {
    this.key = options.capsule;
    this.mode = options.mode || 'bubble';
    // inline (in the page) and page (the share page): always open, no launcher
    this.embedded = this.mode === 'inline' || this.mode === 'page';
    this.target = options.target;
    this.token = options.token;
    this.lang = options.lang;
    this.server = options.server || (scriptSrc ? new URL(scriptSrc).origin : location.origin);
    this.base = this.server + '/api/public/v1/capsules/' + encodeURIComponent(this.key);
    this.handlers = {};
    this.busy = false;
    this.isOpen = false;
    this.store = storage();
  }

  Widget.prototype.on = function (name, handler) {
    (this.handlers[name] = this.handlers[name] || []).push(handler);
    return this;
  };

  Widget.prototype.emit = function (name, detail) {
    (this.handlers[name] || []).forEach(function (handler) {
      try { handler(detail); } catch (e) { if (window.console) { console.error(e); } }
    });
  };

  Widget.prototype.t = function (id, values) {
    var text = (TEXT[this.language] || TEXT.en)[id] || TEXT.en[id];
    return values ? text.replace('{s}', values.s) : text;
  };

  Widget.prototype.request = function (method, path, body, accept) {
    var headers = { 'Accept': accept || 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (this.token) { headers['Authorization'] = 'Bearer ' + this.token; }
    if (this.visitorId) { headers['Encaptio-Visitor'] = this.visitorId; }
    return fetch(this.base + path, {
      method: method, headers: headers, mode: 'cors', credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  };

  Widget.prototype.start = function () {
    var self = this;
    return this.request('GET', '').then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          throw problemError(response, problem);
        });
      }
      return response.json();
    }).then(function (capsule) {
      self.capsule = capsule;
      var wanted = (self.lang || capsule.language || navigator.language || 'en').slice(0, 2).toLowerCase();
      self.language = TEXT[wanted] ? wanted : 'en';
      self.visitorId = self.store.get('visitor:' + self.key);
      self.render();
      self.emit('ready', { capsule: capsule.name });
      var conversation = self.store.get('conversation:' + self.key);
      if (conversation && self.visitorId) {
        return self.resume(conversation);
      }
    }).catch(function (error) {
      // a disallowed origin, an unknown key, a capsule not published: no chat on this page
      if (window.console) { console.warn('Encaptio: ' + (error.message || error)); }
      self.failed = { status: error.status, type: error.type, message: error.message };
      self.emit('error', self.failed);
    });
  };

  Widget.prototype.render = function () {
    var self = this;
    var capsule = this.capsule;
    var brand = capsule.brand || {};
    var host = document.createElement('div');
    host.setAttribute('data-encaptio', this.key);
    var inlineTarget = this.embedded && this.target ? document.querySelector(this.target) : null;
    (inlineTarget || document.body).appendChild(host);
    this.host = host;
    var root = host.attachShadow({ mode: 'open' });
    this.root = root;
    var sheet = el('link', { rel: 'stylesheet', href: this.server + '/widget.css' });
    root.appendChild(sheet);
    host.style.setProperty('--encaptio-primary', brand.primaryColor || '#1f5fd1');
    host.style.setProperty('--encaptio-on-primary', brand.textOnPrimary || '#ffffff');
    host.style.setProperty('--encaptio-font', brand.fontStack || 'system-ui, sans-serif');

    var frame = el('div', {
      'class': 'encaptio ' + (brand.theme === 'dark' ? 'dark' : 'light') + ' mode-' + this.mode +
        ' ' + (brand.launcherPosition === 'bottom-left' ? 'left' : 'right'),
      lang: this.language
    });
    root.appendChild(frame);

    if (this.mode === 'bubble') {
      this.launcher = el('button', {
        'class': 'launcher', type: 'button', 'aria-label': this.t('open'), 'aria-expanded': 'false'
      });
      var launcherIcon = el('span', { 'class': 'launcher-icon', 'aria-hidden': 'true' });
      launcherIcon.appendChild(icon(SPEECH, 26));
      this.launcher.appendChild(launcherIcon);
      this.launcher.addEventListener('click', function () { self.toggle(); });
      frame.appendChild(this.launcher);
    }

    var panel = el('section', { 'class': 'panel', role: 'dialog', 'aria-label': capsule.name });
    if (!this.embedded) { panel.hidden = true; }
    this.panel = panel;
    frame.appendChild(panel);

    var header = el('header', { 'class': 'header' });
    if (brand.avatar || brand.logo) {
      header.appendChild(el('img', {
        'class': 'avatar', alt: '', src: this.base + '/assets/' + encodeURIComponent(brand.avatar || brand.logo)
      }));
    }
    header.appendChild(el('h2', { 'class': 'title' }, capsule.name));
    var restart = el('button', { 'class': 'icon', type: 'button', 'aria-label': this.t('newChat'), title: this.t('newChat') }, '↺');
    restart.addEventListener('click', function () { self.newConversation(); });
    header.appendChild(restart);
    if (!this.embedded) {
      var closer = el('button', { 'class': 'icon', type: 'button', 'aria-label': this.t('close'), title: this.t('close') }, '×');
      closer.addEventListener('click', function () { self.close(); });
      header.appendChild(closer);
    }
    panel.appendChild(header);

    this.log = el('div', { 'class': 'log', role: 'log', 'aria-live': 'polite', 'aria-label': capsule.name });
    panel.appendChild(this.log);
    if (capsule.welcomeMessage) {
      this.log.appendChild(bubble('assistant welcome', capsule.welcomeMessage));
    }

    this.suggestions = el('div', { 'class': 'suggestions', role: 'group', 'aria-label': this.t('suggested') });
    (capsule.suggestedQuestions || []).forEach(function (question) {
      var chip = el('button', { type: 'button', 'class': 'chip' }, question);
      chip.addEventListener('click', function () { self.send(question); });
      self.suggestions.appendChild(chip);
    });
    panel.appendChild(this.suggestions);

    if ((capsule.actions || []).length) {
      var actions = el('div', { 'class': 'actions' });
      capsule.actions.forEach(function (action) {
        if (!/^https?:\/\//i.test(action.url || '')) { return; }
        var link = el('a', { 'class': 'action', href: action.url, target: '_blank', rel: 'noopener noreferrer' }, action.label);
        link.addEventListener('click', function () { self.record('button-click', action.label); });
        actions.appendChild(link);
      });
      panel.appendChild(actions);
    }

    if (capsule.leadForm && capsule.leadForm.enabled) {
      panel.appendChild(this.leadForm(capsule.leadForm));
    }

    this.status = el('p', { 'class': 'status', role: 'status' });
    panel.appendChild(this.status);

    var form = el('form', { 'class': 'composer' });
    var inputId = 'encaptio-input-' + this.key;
    form.appendChild(el('label', { 'for': inputId, 'class': 'visually-hidden' }, this.t('input')));
    this.input = el('textarea', {
      id: inputId, rows: '1', maxlength: '1000', placeholder: this.t('placeholder'), 'aria-label': this.t('input')
    });
    this.input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); submit(); }
    });
    form.appendChild(this.input);
    var sendButton = el('button', { type: 'submit', 'class': 'send' }, this.t('send'));
    form.appendChild(sendButton);
    function submit() {
      var text = self.input.value.trim();
      if (text && !self.busy) { self.input.value = ''; self.send(text); }
    }
    form.addEventListener('submit', function (event) { event.preventDefault(); submit(); });
    panel.appendChild(form);

    frame.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !self.embedded && self.isOpen) { self.close(); }
    });
    if (this.embedded) { this.isOpen = true; }
  };

  Widget.prototype.leadForm = function (spec) {
    var self = this;
    var wrapper = el('details', { 'class': 'lead' });
    wrapper.appendChild(el('summary', {}, spec.title || this.t('lead')));
    var form = el('form', { 'class': 'lead-form', novalidate: 'novalidate' });
    spec.fields.forEach(function (field) {
      var id = 'encaptio-' + self.key + '-' + field;
      form.appendChild(el('label', { 'for': id }, self.t(field) + (spec.required.indexOf(field) >= 0 ? ' *' : '')));
      var input = el(field === 'message' ? 'textarea' : 'input', {
        id: id, name: field, type: field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text',
        autocomplete: { name: 'name', email: 'email', phone: 'tel', company: 'organization' }[field] || 'off'
      });
      if (spec.required.indexOf(field) >= 0) { input.setAttribute('aria-required', 'true'); }
      form.appendChild(input);
    });
    var consentId = 'encaptio-' + self.key + '-consent';
    var consentRow = el('div', { 'class': 'consent' });
    consentRow.appendChild(el('input', { id: consentId, name: 'consent', type: 'checkbox' }));
    consentRow.appendChild(el('label', { 'for': consentId }, spec.consent));
    form.appendChild(consentRow);
    var errors = el('p', { 'class': 'errors', role: 'alert' });
    form.appendChild(errors);
    form.appendChild(el('button', { type: 'submit', 'class': 'send' }, this.t('leadSend')));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var fields = {};
      spec.fields.forEach(function (field) { fields[field] = form.elements[field].value; });
      self.ensureConversation().then(function (conversation) {
        return self.request('POST', '/leads', {
          conversationId: conversation, fields: fields, consent: form.elements.consent.checked
        });
      }).then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) { throw problemError(response, body); }
          wrapper.replaceChildren(el('p', { 'class': 'done', role: 'status' }, self.t('leadDone')));
          self.emit('lead', { leadId: body.leadId });
        });
      }).catch(function (error) {
        var problems = error.errors ? Object.keys(error.errors).map(function (k) { return error.errors[k]; }) : [];
        errors.textContent = problems.length ? problems.join(' ') : (error.message || self.t('failed'));
      });
    });
    wrapper.appendChild(form);
    return wrapper;
  };

  Widget.prototype.open = function () {
    if (!this.panel) { return; }
    this.panel.hidden = false;
    this.isOpen = true;
    if (this.launcher) {
      this.launcher.setAttribute('aria-expanded', 'true');
      this.launcher.setAttribute('aria-label', this.t('close'));
    }
    this.input.focus();
    this.emit('open', {});
  };

  Widget.prototype.close = function () {
    if (!this.panel || this.embedded) { return; }
    this.panel.hidden = true;
    this.isOpen = false;
    if (this.launcher) {
      this.launcher.setAttribute('aria-expanded', 'false');
      this.launcher.setAttribute('aria-label', this.t('open'));
      this.launcher.focus();
    }
    this.emit('close', {});
  };

  Widget.prototype.toggle = function () {
    if (this.isOpen) { this.close(); } else { this.open(); }
  };

  Widget.prototype.ensureConversation = function () {
    var self = this;
    if (this.conversationId) { return Promise.resolve(this.conversationId); }
    return this.request('POST', '/conversations', {
      channel: this.mode === 'page' ? 'share' : 'widget', visitorId: this.visitorId || undefined
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw problemError(response, body); }
        self.visitorId = body.visitorId;
        self.conversationId = body.conversationId;
        self.store.set('visitor:' + self.key, body.visitorId);
        self.store.set('conversation:' + self.key, body.conversationId);
        return body.conversationId;
      });
    });
  };

  Widget.prototype.resume = function (conversation) {
    var self = this;
    return this.request('GET', '/conversations/' + encodeURIComponent(conversation)).then(function (response) {
      if (!response.ok) { self.store.remove('conversation:' + self.key); return; }
      return response.json().then(function (body) {
        self.conversationId = body.conversationId;
        body.messages.forEach(function (message) {
          if (message.role === 'visitor') {
            self.log.appendChild(bubble('visitor', message.text));
          } else {
            self.showAnswer(self.log.appendChild(bubble('assistant', '')), message);
          }
        });
        if (body.messages.length) { self.suggestions.hidden = true; }
      });
    });
  };

  Widget.prototype.newConversation = function () {
    this.conversationId = null;
    this.store.remove('conversation:' + this.key);
    this.log.replaceChildren();
    if (this.capsule.welcomeMessage) {
      this.log.appendChild(bubble('assistant welcome', this.capsule.welcomeMessage));
    }
    this.suggestions.hidden = false;
    this.status.textContent = '';
  };

  /** Asks; the answer streams in as server-sent events and ends with the checked answer. */
  Widget.prototype.send = function (text) {
    var self = this;
    if (!this.panel) { return Promise.reject(new Error('not ready')); }
    if (!this.isOpen) { this.open(); }
    this.busy = true;
    this.status.textContent = '';
    this.suggestions.hidden = true;
    this.log.appendChild(bubble('visitor', text));
    var answer = this.log.appendChild(bubble('assistant pending', this.t('thinking')));
    answer.setAttribute('aria-busy', 'true');
    this.emit('message', { text: text });
    return this.ensureConversation().then(function (conversation) {
      return self.request('POST', '/conversations/' + encodeURIComponent(conversation) + '/messages',
        { text: text }, 'text/event-stream');
    }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          throw problemError(response, problem);
        });
      }
      return readEvents(response, function (name, data) {
        if (name === 'token') {
          if (answer.classList.contains('pending')) { answer.classList.remove('pending'); textOf(answer).textContent = ''; }
          textOf(answer).textContent += data.text;
        } else if (name === 'restart') {
          textOf(answer).textContent = '';
        } else if (name === 'error') {
          throw problemError({ status: data.status }, data);
        } else if (name === 'answer') {
          answer.classList.remove('pending');
          self.showAnswer(answer, data);
          self.finalAnswer = data;
        }
      }).then(function () {
        var final = self.finalAnswer;
        self.finalAnswer = null;
        if (!final) { throw new Error(self.t('failed')); }
        self.emit('answer', { text: final.text, citations: final.citations, outcome: final.outcome });
        return final;
      });
    }).catch(function (error) {
      answer.remove();
      self.status.textContent = error.status === 429
        ? self.t('limited', { s: error.retryAfter || 60 })
        : (error.detail || self.t('failed'));
      self.emit('error', { status: error.status, type: error.type, message: error.message });
      throw error;
    }).finally(function () {
      answer.removeAttribute('aria-busy');
      self.busy = false;
    });
  };

  /** The answer's text with its [n] markers as links to its sources, the sources, the thumbs. */
  Widget.prototype.showAnswer = function (node, answer) {
    var self = this;
    var text = textOf(node);
    text.replaceChildren();
    var citations = answer.citations || [];
    var parts = (answer.text || '').split(/(\[\d+\])/);
    var sourcesId = 'encaptio-sources-' + (answer.messageId || answer.id || Math.random().toString(36).slice(2));
    parts.forEach(function (part) {
      var marker = /^\[(\d+)\]$/.exec(part);
      if (marker && citations.some(function (c) { return c.number === Number(marker[1]); })) {
        var link = el('a', { href: '#' + sourcesId + '-' + marker[1], 'class': 'cite', 'aria-label': self.t('sources') + ' ' + marker[1] }, part);
        link.addEventListener('click', function (event) {
          event.preventDefault();
          var source = self.root.getElementById(sourcesId + '-' + marker[1]);
          if (source) { source.open = true; source.scrollIntoView({ block: 'nearest' }); source.querySelector('summary').focus(); }
        });
        text.appendChild(link);
      } else {
        text.appendChild(document.createTextNode(part));
      }
    });
    if (citations.length) {
      var list = el('ol', { 'class': 'sources', 'aria-label': this.t('sources') });
      citations.forEach(function (citation) {
        var item = el('li', {});
        var details = el('details', { id: sourcesId + '-' + citation.number });
        var where = [citation.itemTitle, citation.headingPath, citation.page ? 'p. ' + citation.page : null]
          .filter(Boolean).join(' · ');
        details.appendChild(el('summary', {}, '[' + citation.number + '] ' + where));
        details.appendChild(el('p', { 'class': 'snippet' }, citation.snippet || ''));
        if (citation.position && /^https?:\/\//i.test(citation.position)) {
          details.appendChild(el('a', { href: citation.position, target: '_blank', rel: 'noopener noreferrer' }, citation.position));
        }
        item.appendChild(details);
        list.appendChild(item);
      });
      node.appendChild(list);
    }
    var messageId = answer.messageId || answer.id;
    if (messageId && ['answered', 'hedged', 'refused'].indexOf(answer.outcome) >= 0) {
      var thumbs = el('div', { 'class': 'thumbs', role: 'group' });
      [[1, false, 'helpful'], [-1, true, 'unhelpful']].forEach(function (choice) {
        var button = el('button', {
          type: 'button', 'class': 'thumb', 'aria-label': self.t(choice[2]), 'aria-pressed': String(answer.feedback === choice[0])
        });
        button.appendChild(thumbIcon(choice[1]));
        button.addEventListener('click', function () {
          self.request('POST', '/messages/' + encodeURIComponent(messageId) + '/feedback', { value: choice[0] })
            .then(function (response) {
              if (!response.ok) { throw new Error('feedback ' + response.status); }
              thumbs.querySelectorAll('button').forEach(function (b) { b.setAttribute('aria-pressed', String(b === button)); });
              self.status.textContent = self.t('thanks');
              self.emit('feedback', { messageId: messageId, value: choice[0] });
            }).catch(function () { self.status.textContent = self.t('failed'); });
        });
        thumbs.appendChild(button);
      });
      node.appendChild(thumbs);
    }
  };

  Widget.prototype.record = function (kind, detail) {
    var self = this;
    this.ensureConversation().then(function (conversation) {
      return self.request('POST', '/events', { conversationId: conversation, kind: kind, detail: detail });
    }).catch(function () { /* a click is counted when it can be */ });
  };

  /** Reads a server-sent event stream from a fetch response, calling handle(name, data). */
  function readEvents(response, handle) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = '';
    function dispatch(block) {
      var name = 'message';
      var data = [];
      block.split('\n').forEach(function (line) {
        if (line.indexOf('event:') === 0) { name = line.slice(6).trim(); }
        else if (line.indexOf('data:') === 0) { data.push(line.slice(5).replace(/^ /, '')); }
      });
      if (data.length) { handle(name, JSON.parse(data.join('\n'))); }
    }
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          if (buffer.trim()) { dispatch(buffer); }
          return;
        }
        buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, '\n');
        var end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        return pump();
      });
    }
    return pump();
  }

  function problemError(response, problem) {
    var error = new Error((problem && problem.detail) || ('HTTP ' + response.status));
    error.status = response.status;
    error.type = problem && problem.type;
    error.detail = problem && problem.detail;
    error.errors = problem && problem.errors;
    if (response.headers && response.headers.get) {
      error.retryAfter = response.headers.get('Retry-After');
    }
    return error;
  }

  function bubble(kind, text) {
    var node = el('div', { 'class': 'message ' + kind });
    node.appendChild(el('p', { 'class': 'text' }, text));
    return node;
  }

  function textOf(node) {
    return node.querySelector('.text');
  }

  /** An element with attributes and, optionally, text: never HTML. */
  /** An icon drawn with lines in the text's colour: no emoji font needed on the visitor's device. */
  function icon(d, size, transform) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '1.8');
    path.setAttribute('stroke-linejoin', 'round');
    if (transform) { path.setAttribute('transform', transform); }
    svg.appendChild(path);
    return svg;
  }

  /** A thumb pointing up or, turned, down. */
  function thumbIcon(down) {
    return icon(THUMB, 16, down ? 'rotate(180 12 12)' : null);
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] !== undefined && attributes[name] !== null) { node.setAttribute(name, attributes[name]); }
    });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function storage() {
    try {
      var probe = '__encaptio__';
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return {
        get: function (k) { return window.localStorage.getItem('encaptio:' + k); },
        set: function (k, v) { window.localStorage.setItem('encaptio:' + k, v); },
        remove: function (k) { window.localStorage.removeItem('encaptio:' + k); }
      };
    } catch (e) {
      var memory = {};
      return {
        get: function (k) { return memory[k] || null; },
        set: function (k, v) { memory[k] = v; },
        remove: function (k) { delete memory[k]; }
      };
    }
  }
  // Started last: the prototype above must be complete before the first widget mounts.
  var api = window.Encaptio;
  if (!api || !api.mount) {
    api = window.Encaptio = { instances: {} };
    api.get = function (key) { return api.instances[key] || null; };
    api.mount = function (options) {
      if (api.instances[options.capsule]) { return api.instances[options.capsule]; }
      var widget = new Widget(options);
      api.instances[options.capsule] = widget;
      widget.start();
      return widget;
    };
    document.addEventListener('click', function (event) {
      var opener = event.target && event.target.closest ? event.target.closest('[data-encaptio-open]') : null;
      if (opener && api.instances[opener.getAttribute('data-encaptio-open')]) {
        event.preventDefault();
        api.instances[opener.getAttribute('data-encaptio-open')].open();
      }
    });
  }
  if (script && script.getAttribute('data-capsule')) {
    var options = {
      capsule: script.getAttribute('data-capsule'),
      mode: script.getAttribute('data-mode') || 'bubble',
      target: script.getAttribute('data-target'),
      token: script.getAttribute('data-token'),
      lang: script.getAttribute('data-lang'),
      server: scriptSrc ? new URL(scriptSrc).origin : location.origin
    };
    var mountWhenReady = function () { api.mount(options); };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', mountWhenReady);
    } else {
      mountWhenReady();
    }
  }
})();
