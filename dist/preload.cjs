"use strict";var t=require("node:fs"),m=require("node:vm");function h(e){let n=e.length;for(;n>1&&e.charCodeAt(n-1)===47;)n--;return n===e.length?e:e.slice(0,n)}var i={closeSync:t.closeSync,fstatSync:t.fstatSync,mkdirSync:t.mkdirSync,openSync:t.openSync,readdirSync:t.readdirSync,readFileSync:t.readFileSync,renameSync:t.renameSync,
statSync:t.statSync,unlinkSync:t.unlinkSync,writeSync:t.writeSync},l=`${__dirname}/preload-bundle.cjs`,y=720*3600*1e3;function g(e){let n=2166136261;for(let r=0;r<
e.length;r++)n=Math.imul(n^e.charCodeAt(r),16777619);return(n>>>0).toString(16).padStart(8,"0")}function a(e){let n=e?.trim();return n?.startsWith("/")?h(n):void 0}
function E(e){let n=e.MEMFS_CODE_CACHE?.trim();if(n){if(["0","false","off","no"].includes(n.toLowerCase()))return[];let s=a(n);return s===void 0?[]:[s]}let r=[],
o=a(e.HOME),c=a(e.XDG_CACHE_HOME)??(o===void 0?void 0:`${o==="/"?"":o}/.cache`);c!==void 0&&r.push(`${c==="/"?"":c}/memfs-action`);let d=a(e.MEMFS_SPOOL);return d!==
void 0&&r.push(d),r}function _(){let e=g(`${process.execArgv.join("\0")}
${process.env.NODE_OPTIONS??""}`);return`preload-5fb59214b8b6845d-${process.version}-${process.arch}-${e}.v8cache`}function M(e){let n;try{n=i.openSync(e,"r");let r=i.
fstatSync(n);return!(r.uid===0||r.uid===process.getuid?.())||(r.mode&18)!==0?void 0:i.readFileSync(n)}catch{return}finally{n!==void 0&&i.closeSync(n)}}function $(e,n,r){
let o=r.createCachedData();for(let c of e){let d=`${c}/${n}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`,s=!1;try{i.mkdirSync(c,{recursive:!0,mode:448});
let u=i.openSync(d,"wx",420);s=!0;try{for(let f=0;f<o.length;)f+=i.writeSync(u,o,f)}finally{i.closeSync(u)}i.renameSync(d,`${c}/${n}`)}catch{s&&p(d);continue}w(
c);return}}function p(e){try{i.unlinkSync(e)}catch{}}function w(e){let n=Date.now(),r;try{r=i.readdirSync(e)}catch{return}for(let o of r){if(!o.startsWith("prel\
oad-")||!(o.endsWith(".v8cache")||o.endsWith(".tmp")))continue;let c=`${e}/${o}`;try{n-i.statSync(c).mtimeMs>(o.endsWith(".tmp")?3600*1e3:y)&&p(c)}catch{}}}var S=new Map;
function D(e){let n=S.get(e);return n===void 0&&S.set(e,n=require(e)),n}function O(){let e=i.readFileSync(l,"utf8"),n=e.length===239859?E(process.env):[],r=_(),
o;for(let u of n)if(o=M(`${u}/${r}`))break;let c=new m.Script(e,{filename:l,cachedData:o}),d=c.runInThisContext(),s={exports:{}};d.call(s.exports,s.exports,D,s,
l,__dirname),n.length>0&&(o===void 0||c.cachedDataRejected===!0)&&$(n,r,c)}O();
