"use strict";var i=require("node:fs"),_=require("node:vm");function p(n){let e=n.length;for(;e>1&&n.charCodeAt(e-1)===47;)e--;return e===n.length?n:n.slice(0,e)}function f(n){let e=n?.trim();return e?.startsWith("/")?p(e):void 0}function m(n){let e=n.MEMFS_CODE_CACHE?.trim();if(e){if(["0","false","off","no"].includes(e.
toLowerCase()))return[];let s=f(e);return s===void 0?[]:[s]}let t=[],o=f(n.HOME),r=f(n.XDG_CACHE_HOME)??(o===void 0?void 0:`${o==="/"?"":o}/.cache`);r!==void 0&&
t.push(`${r==="/"?"":r}/memfs-action`);let c=f(n.MEMFS_SPOOL);return c!==void 0&&t.push(c),t}var d={closeSync:i.closeSync,fstatSync:i.fstatSync,mkdirSync:i.mkdirSync,openSync:i.openSync,readdirSync:i.readdirSync,readFileSync:i.readFileSync,renameSync:i.renameSync,
statSync:i.statSync,unlinkSync:i.unlinkSync,writeSync:i.writeSync},u=`${__dirname}/preload-bundle.cjs`,E=720*3600*1e3,g=32;function w(n){let e=2166136261;for(let t=0;t<
n.length;t++)e=Math.imul(e^n.charCodeAt(t),16777619);return(e>>>0).toString(16).padStart(8,"0")}var $=new Set(["--require","-r","--import","--loader","--experim\
ental-loader","--env-file","--env-file-if-exists","--eval","-e","--print","-p","-pe"]);function S(n){let e=[];for(let t=0;t<n.length;t++){let o=n[t],r=o.indexOf(
"=");$.has(r===-1?o:o.slice(0,r))?r===-1&&t++:e.push(o)}return e}function M(){let n=(process.env.NODE_OPTIONS??"").split(" ").filter(t=>t!==""),e=w(`${u}
${S(process.execArgv).join("\0")}
${S(n).join("\0")}`);return`preload-5ad0e7b1827bbd0c-${process.version}-${process.arch}-${e}.v8cache`}function O(n){let e;try{e=d.openSync(n,"r");let t=d.fstatSync(
e);return!(t.uid===0||t.uid===process.getuid?.())||(t.mode&18)!==0?void 0:d.readFileSync(e)}catch{return}finally{e!==void 0&&d.closeSync(e)}}function D(n,e,t){let o=t.
createCachedData();for(let r of n){let c=`${r}/${e}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`,s=!1;try{d.mkdirSync(r,{recursive:!0,mode:448});let a=d.
openSync(c,"wx",420);s=!0;try{for(let l=0;l<o.length;)l+=d.writeSync(a,o,l)}finally{d.closeSync(a)}d.renameSync(c,`${r}/${e}`)}catch{s&&h(c);continue}v(r);return}}
function h(n){try{d.unlinkSync(n)}catch{}}function v(n){let e=Date.now(),t;try{t=d.readdirSync(n)}catch{return}let o=[];for(let r of t){let c=r.endsWith(".tmp");
if(!r.startsWith("preload-")||!(c||r.endsWith(".v8cache")))continue;let s=`${n}/${r}`;try{let a=d.statSync(s).mtimeMs;e-a>(c?3600*1e3:E)?h(s):c||o.push({file:s,
written:a})}catch{}}if(!(o.length<=g)){o.sort((r,c)=>c.written-r.written);for(let{file:r}of o.slice(g))h(r)}}var y=new Map;function C(n){let e=y.get(n);return e===
void 0&&y.set(n,e=require(n)),e}function F(){let n=d.readFileSync(u,"latin1"),e=n.length===480606?m(process.env):[],t=M(),o;for(let a of e)if(o=O(`${a}/${t}`))break;
let r=new _.Script(n,{filename:u,cachedData:o}),c=r.runInThisContext(),s={exports:{}};c.call(s.exports,s.exports,C,s,u,__dirname,__filename),e.length>0&&(o===void 0||
r.cachedDataRejected===!0)&&D(e,t,r)}F();
