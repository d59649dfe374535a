// The static parts of the self-check and the playground pages; their scripts (web/browser/) fill
// in the occupations, the entries of the form, the editor and the results.
import { bi } from './html.js';
import { UI, type Bi } from './ui-text.js';

/** A list of entries (education, work, …): a fieldset with its entries and an add button. */
function entryList(id: string, legend: Bi, add: Bi, extra = ''): string {
  return `<fieldset id="${id}" class="entries"><legend>${bi(legend)}</legend>
${extra}<div class="list"></div>
<button type="button" class="add" data-list="${id}">${bi(add)}</button>
</fieldset>`;
}

export function selfCheckBody(): string {
  return `<h1>${bi(UI.selfCheckTitle)}</h1>
<p>${bi(UI.selfCheckIntro)}</p>
<div class="selfcheck">
<form id="profile-form" class="profile" novalidate>
<div class="row">
<p><label for="occupation">${bi(UI.occupation)}</label><select id="occupation"></select></p>
<p><label for="work-type">${bi(UI.workType)}</label><select id="work-type"></select></p>
<p><label for="as-of">${bi(UI.asOf)}</label><input id="as-of" type="date" required></p>
<p><label for="birth-date">${bi(UI.birthDate)}</label><input id="birth-date" type="date"></p>
</div>
${entryList('education', UI.educationEntries, UI.addEducation, `<p class="check"><input id="no-education" type="checkbox"> <label for="no-education">${bi(UI.noEducationAtAll)}</label></p>\n`)}
${entryList('certificates', UI.certificates, UI.addCertificate)}
${entryList('work', UI.work, UI.addWork)}
${entryList('training', UI.training, UI.addTraining)}
${entryList('apprenticeships', UI.apprenticeships, UI.addApprenticeship)}
<fieldset id="facts"><legend>${bi(UI.facts)}</legend><div class="list"></div></fieldset>
<fieldset class="file"><legend>${bi(UI.profileFile)}</legend>
<p><button type="button" id="download-profile">${bi(UI.download)}</button>
<button type="button" id="download-results">${bi(UI.downloadResults)}</button></p>
<p><label for="upload-profile">${bi(UI.upload)}</label> <input id="upload-profile" type="file" accept=".json,application/json"></p>
<p id="upload-error" role="alert"></p>
</fieldset>
</form>
<section id="results" class="results" tabindex="0" aria-live="polite" aria-labelledby="results-title">
<h2 id="results-title">${bi(UI.results)}</h2>
<div id="results-body"><p>${bi(UI.loading)}</p></div>
</section>
</div>`;
}

export function playgroundBody(): string {
  return `<h1>${bi(UI.playgroundTitle)}</h1>
<p>${bi(UI.playgroundIntro)}</p>
<p class="row"><label for="start-from">${bi(UI.startFrom)}</label> <select id="start-from"></select>
<button type="button" id="download-rule">${bi(UI.downloadRule)}</button></p>
<div class="playground">
<section aria-labelledby="editor-title"><h2 id="editor-title">${bi(UI.editor)}</h2><div id="editor"></div></section>
<section aria-labelledby="diagnostics-title"><h2 id="diagnostics-title">${bi(UI.diagnostics)}</h2>
<ul id="diagnostics" class="diagnostics" aria-live="polite"></ul>
<h2 id="tests-title">${bi(UI.tests)}</h2>
<p><button type="button" id="run-tests">${bi(UI.runTests)}</button></p>
<ul id="tests" class="tests" aria-live="polite"></ul>
<h2>${bi(UI.tryProfile)}</h2>
<p><label for="pg-occupation-profile">${bi(UI.profileJson)}</label></p>
<textarea id="pg-occupation-profile" rows="8"></textarea>
<p><label for="pg-as-of">${bi(UI.asOf)}</label> <input id="pg-as-of" type="date"> <button type="button" id="pg-evaluate">${bi(UI.evaluate)}</button></p>
<div id="pg-results" aria-live="polite"></div>
</section>
</div>`;
}
