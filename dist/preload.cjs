"use strict";var o=require("node:fs"),y=require("node:vm");function p(e){let n=e.length;for(;n>1&&e.charCodeAt(n-1)===47;)n--;return n===e.length?e:e.slice(0,n)}var d={closeSync:o.closeSync,fstatSync:o.fstatSync,mkdirSync:o.mkdirSync,openSync:o.openSync,readdirSync:o.readdirSync,readFileSync:o.readFileSync,renameSync:o.renameSync,
statSync:o.statSync,unlinkSync:o.unlinkSync,writeSync:o.writeSync},l=`${__dirname}/preload-bundle.cjs`,E=720*3600*1e3,S=32;function w(e){let n=2166136261;for(let t=0;t<
e.length;t++)n=Math.imul(n^e.charCodeAt(t),16777619);return(n>>>0).toString(16).padStart(8,"0")}function u(e){let n=e?.trim();return n?.startsWith("/")?p(n):void 0}
function _(e){let n=e.MEMFS_CODE_CACHE?.trim();if(n){if(["0","false","off","no"].includes(n.toLowerCase()))return[];let s=u(n);return s===void 0?[]:[s]}let t=[],
i=u(e.HOME),r=u(e.XDG_CACHE_HOME)??(i===void 0?void 0:`${i==="/"?"":i}/.cache`);r!==void 0&&t.push(`${r==="/"?"":r}/memfs-action`);let c=u(e.MEMFS_SPOOL);return c!==
void 0&&t.push(c),t}var M=new Set(["--require","-r","--import","--loader","--experimental-loader","--env-file","--env-file-if-exists","--eval","-e","--print","-\
p","-pe"]);function m(e){let n=[];for(let t=0;t<e.length;t++){let i=e[t],r=i.indexOf("=");M.has(r===-1?i:i.slice(0,r))?r===-1&&t++:n.push(i)}return n}function $(){
let e=(process.env.NODE_OPTIONS??"").split(" ").filter(t=>t!==""),n=w(`${m(process.execArgv).join("\0")}
${m(e).join("\0")}`);return`preload-b5be62825b370831-${process.version}-${process.arch}-${n}.v8cache`}function O(e){let n;try{n=d.openSync(e,"r");let t=d.fstatSync(
n);return!(t.uid===0||t.uid===process.getuid?.())||(t.mode&18)!==0?void 0:d.readFileSync(n)}catch{return}finally{n!==void 0&&d.closeSync(n)}}function D(e,n,t){let i=t.
createCachedData();for(let r of e){let c=`${r}/${n}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`,s=!1;try{d.mkdirSync(r,{recursive:!0,mode:448});let a=d.
openSync(c,"wx",420);s=!0;try{for(let f=0;f<i.length;)f+=d.writeSync(a,i,f)}finally{d.closeSync(a)}d.renameSync(c,`${r}/${n}`)}catch{s&&h(c);continue}v(r);return}}
function h(e){try{d.unlinkSync(e)}catch{}}function v(e){let n=Date.now(),t;try{t=d.readdirSync(e)}catch{return}let i=[];for(let r of t){let c=r.endsWith(".tmp");
if(!r.startsWith("preload-")||!(c||r.endsWith(".v8cache")))continue;let s=`${e}/${r}`;try{let a=d.statSync(s).mtimeMs;n-a>(c?3600*1e3:E)?h(s):c||i.push({file:s,
written:a})}catch{}}if(!(i.length<=S)){i.sort((r,c)=>c.written-r.written);for(let{file:r}of i.slice(S))h(r)}}var g=new Map;function C(e){let n=g.get(e);return n===
void 0&&g.set(e,n=require(e)),n}function F(){let e=d.readFileSync(l,"latin1"),n=e.length===279714?_(process.env):[],t=$(),i;for(let a of n)if(i=O(`${a}/${t}`))break;
let r=new y.Script(e,{filename:l,cachedData:i}),c=r.runInThisContext(),s={exports:{}};c.call(s.exports,s.exports,C,s,l,__dirname),n.length>0&&(i===void 0||r.cachedDataRejected===
!0)&&D(n,t,r)}F();
