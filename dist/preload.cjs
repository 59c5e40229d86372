"use strict";var o=require("node:fs"),y=require("node:vm");function p(n){let e=n.length;for(;e>1&&n.charCodeAt(e-1)===47;)e--;return e===n.length?n:n.slice(0,e)}var d={closeSync:o.closeSync,fstatSync:o.fstatSync,mkdirSync:o.mkdirSync,openSync:o.openSync,readdirSync:o.readdirSync,readFileSync:o.readFileSync,renameSync:o.renameSync,
statSync:o.statSync,unlinkSync:o.unlinkSync,writeSync:o.writeSync},l=`${__dirname}/preload-bundle.cjs`,_=720*3600*1e3,m=32;function E(n){let e=2166136261;for(let t=0;t<
n.length;t++)e=Math.imul(e^n.charCodeAt(t),16777619);return(e>>>0).toString(16).padStart(8,"0")}function f(n){let e=n?.trim();return e?.startsWith("/")?p(e):void 0}
function w(n){let e=n.MEMFS_CODE_CACHE?.trim();if(e){if(["0","false","off","no"].includes(e.toLowerCase()))return[];let s=f(e);return s===void 0?[]:[s]}let t=[],
i=f(n.HOME),r=f(n.XDG_CACHE_HOME)??(i===void 0?void 0:`${i==="/"?"":i}/.cache`);r!==void 0&&t.push(`${r==="/"?"":r}/memfs-action`);let c=f(n.MEMFS_SPOOL);return c!==
void 0&&t.push(c),t}var M=new Set(["--require","-r","--import","--loader","--experimental-loader","--env-file","--env-file-if-exists","--eval","-e","--print","-\
p","-pe"]);function S(n){let e=[];for(let t=0;t<n.length;t++){let i=n[t],r=i.indexOf("=");M.has(r===-1?i:i.slice(0,r))?r===-1&&t++:e.push(i)}return e}function $(){
let n=(process.env.NODE_OPTIONS??"").split(" ").filter(t=>t!==""),e=E(`${S(process.execArgv).join("\0")}
${S(n).join("\0")}`);return`preload-4a19a03d8e9df8bb-${process.version}-${process.arch}-${e}.v8cache`}function O(n){let e;try{e=d.openSync(n,"r");let t=d.fstatSync(
e);return!(t.uid===0||t.uid===process.getuid?.())||(t.mode&18)!==0?void 0:d.readFileSync(e)}catch{return}finally{e!==void 0&&d.closeSync(e)}}function D(n,e,t){let i=t.
createCachedData();for(let r of n){let c=`${r}/${e}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`,s=!1;try{d.mkdirSync(r,{recursive:!0,mode:448});let a=d.
openSync(c,"wx",420);s=!0;try{for(let u=0;u<i.length;)u+=d.writeSync(a,i,u)}finally{d.closeSync(a)}d.renameSync(c,`${r}/${e}`)}catch{s&&h(c);continue}v(r);return}}
function h(n){try{d.unlinkSync(n)}catch{}}function v(n){let e=Date.now(),t;try{t=d.readdirSync(n)}catch{return}let i=[];for(let r of t){let c=r.endsWith(".tmp");
if(!r.startsWith("preload-")||!(c||r.endsWith(".v8cache")))continue;let s=`${n}/${r}`;try{let a=d.statSync(s).mtimeMs;e-a>(c?3600*1e3:_)?h(s):c||i.push({file:s,
written:a})}catch{}}if(!(i.length<=m)){i.sort((r,c)=>c.written-r.written);for(let{file:r}of i.slice(m))h(r)}}var g=new Map;function C(n){let e=g.get(n);return e===
void 0&&g.set(n,e=require(n)),e}function F(){let n=d.readFileSync(l,"latin1"),e=n.length===300133?w(process.env):[],t=$(),i;for(let a of e)if(i=O(`${a}/${t}`))break;
let r=new y.Script(n,{filename:l,cachedData:i}),c=r.runInThisContext(),s={exports:{}};c.call(s.exports,s.exports,C,s,l,__dirname,__filename),e.length>0&&(i===void 0||
r.cachedDataRejected===!0)&&D(e,t,r)}F();
