// The 3-D view's WebGL2 renderer: the surface in the contour's band colours with its level lines, lit from
// above so its shape reads; the box's floor and edges; the paths (over a white halo) and the dots on top.
// One renderer per canvas; the surface's buffers are rebuilt only when the surface changes, so a change of
// η redraws the paths alone. Null where the browser has no WebGL2.
import { bandColors, contourLevels } from '../contour';
import type { Mesh, RGBA } from './geometry';
import type { Mat4 } from './camera';
import type { Levels } from '../contour';

const SURFACE_VS = `#version 300 es
in vec3 pos; in float val; in vec3 nrm;
uniform mat4 mvp;
out float v; out float shade;
void main() {
  gl_Position = mvp * vec4(pos, 1.0);
  v = val;
  shade = 0.7 + 0.3 * abs(dot(normalize(nrm), normalize(vec3(-0.35, -0.45, 1.0))));
}`;

// The band of a value as contour.ts's bandOf picks it, and a level line where a level crosses the pixel.
const SURFACE_FS = `#version 300 es
precision highp float;
in float v; in float shade;
uniform vec3 colors[BANDS2];
uniform float start; uniform float size; uniform int count;
out vec4 color;
void main() {
  int b = 0;
  float u = 0.0;
  if (count > 0) {
    u = (v - start) / size;
    int k = int(floor(u));
    b = k < 0 ? 0 : min(k, BANDS2 - 2) + 1;
  }
  vec3 c = colors[b] * shade;
  if (count > 0 && u >= 0.0 && u <= float(count - 1) + 1e-3) {
    float d = abs(fract(u + 0.5) - 0.5) / max(fwidth(u), 1e-6);
    c = mix(c, vec3(0.157, 0.235, 0.353), 0.35 * (1.0 - clamp(d - 0.3, 0.0, 1.0)));
  }
  color = vec4(c, 1.0);
}`;

const FLAT_VS = `#version 300 es
in vec3 pos; in vec4 col;
uniform mat4 mvp;
out vec4 c;
void main() { gl_Position = mvp * vec4(pos, 1.0); c = col; }`;

const FLAT_FS = `#version 300 es
precision highp float;
in vec4 c;
out vec4 color;
void main() { color = c; }`;

// The surface and the floor drawn once into textures (colour and depth), then copied onto each frame whose
// paths alone changed: a drag of η costs a quad, not twenty thousand triangles in a software rasterizer.
const COPY_VS = `#version 300 es
in vec2 pos;
out vec2 uv;
void main() { uv = pos * 0.5 + 0.5; gl_Position = vec4(pos, 0.0, 1.0); }`;

const COPY_FS = `#version 300 es
precision highp float;
in vec2 uv;
uniform sampler2D color; uniform highp sampler2D depth;
out vec4 outColor;
void main() { outColor = texture(color, uv); gl_FragDepth = texture(depth, uv).r; }`;

const IDENTITY = new Float32Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

function program(gl: WebGL2RenderingContext, vs: string, fs: string): WebGLProgram {
  const p = gl.createProgram()!;
  for (const [type, src] of [[gl.VERTEX_SHADER, vs], [gl.FRAGMENT_SHADER, fs]] as const) {
    const s = gl.createShader(type)!;
    gl.shaderSource(s, src);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`3-D view shader: ${gl.getShaderInfoLog(s)}`);
    gl.attachShader(p, s);
  }
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(`3-D view program: ${gl.getProgramInfoLog(p)}`);
  return p;
}

/** What one frame draws: the surface (world space), lines (world space), then triangles in clip space. */
export interface Frame3d {
  mvp: Mat4;
  mesh: Mesh;
  /** The contour's levels, in the surface's values' units. */
  levels: { min: number; max: number };
  lines: { positions: number[]; colors: number[] };
  /**
   * The paths' halos, then their lines, drawn with the depth test (the surface hides what lies behind it);
   * each pixel takes one halo at most, and a halo hides no line; then the dots, without it (they stay in sight).
   */
  halos: { positions: number[]; colors: number[] };
  marks: { positions: number[]; colors: number[] };
  dots: { positions: number[]; colors: number[] };
  background: RGBA;
}

export function surfaceRenderer(canvas: HTMLCanvasElement) {
  const gl = canvas.getContext('webgl2', { antialias: true, stencil: true, preserveDrawingBuffer: true, premultipliedAlpha: false });
  if (!gl) return null;
  const colors = bandColors();
  const surface = program(gl, SURFACE_VS, SURFACE_FS.replaceAll('BANDS2', String(colors.length)));
  const flat = program(gl, FLAT_VS, FLAT_FS);
  const buffer = () => gl.createBuffer()!;
  const mesh = { pos: buffer(), val: buffer(), nrm: buffer(), idx: buffer(), count: 0, of: null as Mesh | null };
  const flatBuffers = { pos: buffer(), col: buffer() };

  function attribute(p: WebGLProgram, name: string, buf: WebGLBuffer, size: number): void {
    const at = gl!.getAttribLocation(p, name);
    gl!.bindBuffer(gl!.ARRAY_BUFFER, buf);
    gl!.enableVertexAttribArray(at);
    gl!.vertexAttribPointer(at, size, gl!.FLOAT, false, 0, 0);
  }

  function upload(m: Mesh): void {
    if (mesh.of === m) return;
    mesh.of = m;
    for (const [buf, data] of [[mesh.pos, m.positions], [mesh.val, m.values], [mesh.nrm, m.normals]] as const) {
      gl!.bindBuffer(gl!.ARRAY_BUFFER, buf);
      gl!.bufferData(gl!.ARRAY_BUFFER, data, gl!.STATIC_DRAW);
    }
    gl!.bindBuffer(gl!.ELEMENT_ARRAY_BUFFER, mesh.idx);
    gl!.bufferData(gl!.ELEMENT_ARRAY_BUFFER, m.indices, gl!.STATIC_DRAW);
    mesh.count = m.indices.length;
  }

  function drawFlat(mode: number, data: { positions: number[]; colors: number[] }, mvp: Mat4): void {
    if (data.positions.length === 0) return;
    gl!.useProgram(flat);
    gl!.uniformMatrix4fv(gl!.getUniformLocation(flat, 'mvp'), false, mvp);
    gl!.bindBuffer(gl!.ARRAY_BUFFER, flatBuffers.pos);
    gl!.bufferData(gl!.ARRAY_BUFFER, new Float32Array(data.positions), gl!.DYNAMIC_DRAW);
    gl!.bindBuffer(gl!.ARRAY_BUFFER, flatBuffers.col);
    gl!.bufferData(gl!.ARRAY_BUFFER, new Float32Array(data.colors), gl!.DYNAMIC_DRAW);
    attribute(flat, 'pos', flatBuffers.pos, 3);
    attribute(flat, 'col', flatBuffers.col, 4);
    gl!.drawArrays(mode, 0, data.positions.length / 3);
  }

  // The cache: colour and depth textures the size of the canvas, and what was drawn into them.
  const copy = program(gl, COPY_VS, COPY_FS);
  const quad = buffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, quad);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, -1, 1, 1, -1, 1, 1]), gl.STATIC_DRAW);
  const cache = { fbo: gl.createFramebuffer()!, color: gl.createTexture()!, depth: gl.createTexture()!, w: 0, h: 0, key: [] as unknown[] };
  // Colour is filtered (a draft's half-size picture is stretched smoothly; at full size a pixel's centre is its
  // texel's, so nothing changes); depth cannot be.
  function texture(t: WebGLTexture, internal: number, format: number, type: number, w: number, h: number, filter: number): void {
    gl!.bindTexture(gl!.TEXTURE_2D, t);
    gl!.texImage2D(gl!.TEXTURE_2D, 0, internal, w, h, 0, format, type, null);
    for (const k of [gl!.TEXTURE_MIN_FILTER, gl!.TEXTURE_MAG_FILTER]) gl!.texParameteri(gl!.TEXTURE_2D, k, filter);
    for (const k of [gl!.TEXTURE_WRAP_S, gl!.TEXTURE_WRAP_T]) gl!.texParameteri(gl!.TEXTURE_2D, k, gl!.CLAMP_TO_EDGE);
  }

  function drawSurface(f: Frame3d): void {
    gl!.clearColor(...f.background);
    gl!.clear(gl!.COLOR_BUFFER_BIT | gl!.DEPTH_BUFFER_BIT);
    gl!.enable(gl!.DEPTH_TEST);
    gl!.depthFunc(gl!.LEQUAL);
    gl!.enable(gl!.BLEND);
    gl!.blendFunc(gl!.SRC_ALPHA, gl!.ONE_MINUS_SRC_ALPHA);
    upload(f.mesh);
    if (mesh.count > 0) {
      gl!.useProgram(surface);
      gl!.uniformMatrix4fv(gl!.getUniformLocation(surface, 'mvp'), false, f.mvp);
      gl!.uniform3fv(gl!.getUniformLocation(surface, 'colors'), colors.flatMap((c) => c.map((v) => v / 255)));
      const levels: Levels = contourLevels(f.levels);
      gl!.uniform1f(gl!.getUniformLocation(surface, 'start'), levels.start);
      gl!.uniform1f(gl!.getUniformLocation(surface, 'size'), levels.size || 1);
      gl!.uniform1i(gl!.getUniformLocation(surface, 'count'), levels.count);
      attribute(surface, 'pos', mesh.pos, 3);
      attribute(surface, 'val', mesh.val, 1);
      attribute(surface, 'nrm', mesh.nrm, 3);
      gl!.bindBuffer(gl!.ELEMENT_ARRAY_BUFFER, mesh.idx);
      // Pushed back a little, so paths lying on it win the depth test.
      gl!.enable(gl!.POLYGON_OFFSET_FILL);
      gl!.polygonOffset(1, 1);
      gl!.drawElements(gl!.TRIANGLES, mesh.count, gl!.UNSIGNED_INT, 0);
      gl!.disable(gl!.POLYGON_OFFSET_FILL);
    }
    drawFlat(gl!.LINES, f.lines, f.mvp);
  }

  return {
    /** One frame; a `draft` (a drag of the function's sliders) draws the surface at half the pixels a side. */
    draw(f: Frame3d, draft = false): void {
      const w = canvas.width, h = canvas.height;
      const cw = draft ? Math.max(1, Math.round(w / 2)) : w, ch = draft ? Math.max(1, Math.round(h / 2)) : h;
      // The surface again only when it, its levels, the camera, the floor or the size changed.
      const key = [f.mesh, f.levels.min, f.levels.max, ...f.mvp, f.lines.positions.length, cw, ch];
      if (cache.w !== cw || cache.h !== ch) {
        texture(cache.color, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, cw, ch, gl.LINEAR);
        texture(cache.depth, gl.DEPTH_COMPONENT24, gl.DEPTH_COMPONENT, gl.UNSIGNED_INT, cw, ch, gl.NEAREST);
        gl.bindFramebuffer(gl.FRAMEBUFFER, cache.fbo);
        gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, cache.color, 0);
        gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.DEPTH_ATTACHMENT, gl.TEXTURE_2D, cache.depth, 0);
        [cache.w, cache.h, cache.key] = [cw, ch, []];
      }
      if (key.length !== cache.key.length || key.some((v, i) => v !== cache.key[i])) {
        gl.bindFramebuffer(gl.FRAMEBUFFER, cache.fbo);
        gl.viewport(0, 0, cw, ch);
        drawSurface(f);
        cache.key = key;
      }
      gl.viewport(0, 0, w, h);
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT | gl.STENCIL_BUFFER_BIT);
      gl.disable(gl.BLEND);
      gl.enable(gl.DEPTH_TEST);
      gl.depthFunc(gl.ALWAYS);
      gl.useProgram(copy);
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, cache.color);
      gl.uniform1i(gl.getUniformLocation(copy, 'color'), 0);
      gl.activeTexture(gl.TEXTURE1);
      gl.bindTexture(gl.TEXTURE_2D, cache.depth);
      gl.uniform1i(gl.getUniformLocation(copy, 'depth'), 1);
      attribute(copy, 'pos', quad, 2);
      gl.drawArrays(gl.TRIANGLES, 0, 6);
      gl.activeTexture(gl.TEXTURE0);
      gl.depthFunc(gl.LEQUAL);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
      // Halos write neither depth (a line behind a crossing halo stays whole) nor a second coat (the stencil
      // counts them: where paths cross or turn, overlapping translucent halos made white blotches).
      gl.depthMask(false);
      gl.enable(gl.STENCIL_TEST);
      gl.stencilFunc(gl.EQUAL, 0, 0xff);
      gl.stencilOp(gl.KEEP, gl.KEEP, gl.INCR);
      drawFlat(gl.TRIANGLES, f.halos, IDENTITY);
      gl.disable(gl.STENCIL_TEST);
      gl.depthMask(true);
      drawFlat(gl.TRIANGLES, f.marks, IDENTITY);
      gl.disable(gl.DEPTH_TEST);
      drawFlat(gl.TRIANGLES, f.dots, IDENTITY);
    },
    dispose(): void {
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    },
  };
}
