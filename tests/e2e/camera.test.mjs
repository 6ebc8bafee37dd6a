// Camera scanning in a browser without BarcodeDetector (Chrome on Linux and Windows, Firefox):
// Chromium's fake camera plays a video of two students' result-code QR codes, one after the
// other, and the teacher's page reads both with Kafaa's own reader, without stopping between
// students; "stop" turns the camera off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { start, openPage, takeSessionQuiz, createSession, CATALOGS, CHROMIUM_ARGS, joinSession } from './support.mjs';

const en = CATALOGS.en;
const [W, H] = [640, 480];
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** The luma plane (W × H) of a frame showing `svg` (a QR code as the app draws it) on a desk. */
async function lumaOf(svg) {
  const page = await env.browser.newPage();
  const sized = svg.replace('<svg', '<svg width="440" height="440" xmlns="http://www.w3.org/2000/svg"');
  const luma = await page.evaluate(async ({ sized, W, H }) => {
    const img = new Image();
    img.src = 'data:image/svg+xml;base64,' + btoa(sized);
    await img.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: W, height: H });
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#8a8a8a';
    ctx.fillRect(0, 0, W, H);
    ctx.drawImage(img, (W - 440) / 2, (H - 440) / 2, 440, 440);
    const { data } = ctx.getImageData(0, 0, W, H);
    const out = new Array(W * H);
    for (let i = 0; i < W * H; i++) out[i] = Math.round(0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2]);
    return out;
  }, { sized, W, H });
  await page.close();
  return Buffer.from(luma);
}

/** A Y4M video (what Chromium's fake camera plays, in a loop): `seconds` of each frame. */
function y4m(frames, seconds) {
  const fps = 10;
  const chroma = Buffer.alloc(W * H / 2, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${W} H${H} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const luma of frames) {
    for (let i = 0; i < seconds * fps; i++) parts.push(Buffer.from('FRAME\n'), luma, chroma);
  }
  return Buffer.concat(parts);
}

test('a teacher scans two students\' QR codes in a row with the camera, in a browser without BarcodeDetector', async () => {
  const teacher = await openPage(env);
  const link = await createSession(teacher, env.origin, { title: 'Scan test', domains: ['web'], items: 2 });
  const students = [];
  for (const name of ['Nora', 'Omar']) {
    const page = await openPage(env);
    await joinSession(page, link, name);
    const code = await takeSessionQuiz(page, 2, () => name === 'Nora');
    students.push({ name, code, qr: await page.locator('svg.qr').evaluate((svg) => svg.outerHTML) });
    page.assertClean();
    await page.context().close();
  }
  const dir = mkdtempSync(join(tmpdir(), 'kafaa-camera-'));
  const video = join(dir, 'codes.y4m');
  writeFileSync(video, y4m(await Promise.all(students.map((s) => lumaOf(s.qr))), 3));

  // The teacher's session, on a computer whose camera films the students' phones.
  const stored = await teacher.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  const session = new URL(teacher.url()).hash;
  const camera = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await camera.newContext({ serviceWorkers: 'block', permissions: ['camera'] });
    // The same data as the teacher's; and no BarcodeDetector, whatever this Chromium has.
    await context.addInitScript((stored) => {
      if (!localStorage.getItem('kafaa')) for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v);
      delete window.BarcodeDetector;
    }, stored);
    const page = await openPage({ ...env, browser: camera }, context);
    await page.goto(env.origin + '/classroom.html' + session);
    await page.getByRole('heading', { name: 'Scan test', level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => 'BarcodeDetector' in window), false);
    await page.getByRole('button', { name: en.import_scan }).click();
    await page.getByRole('button', { name: en.import_scan_stop }).waitFor();
    // Both students, one after the other, without stopping.
    const rows = page.locator('table.heatmap tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('table.heatmap tbody tr').length === 2, null, { timeout: 30_000 });
    assert.deepEqual((await rows.locator('th').allTextContents()).sort(), ['Nora', 'Omar']);
    const scores = await rows.evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td.score').textContent])));
    assert.deepEqual(scores, { Nora: '2/2 (100%)', Omar: '0/2 (0%)' });
    // Stop: the camera is off.
    await page.getByRole('button', { name: en.import_scan_stop }).click();
    await page.getByRole('button', { name: en.import_scan }).waitFor();
    await page.waitForFunction(() => {
      const stream = document.querySelector('video.scan').srcObject;
      return stream && stream.getTracks().every((t) => t.readyState === 'ended');
    });
    // The codes are the ones the students showed, kept with the session.
    const codes = await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('kafaa.session.')))).codes);
    assert.deepEqual(codes.sort(), students.map((s) => s.code).sort());
    page.assertClean();
  } finally {
    await camera.close();
  }
});
