"use strict";var r=require("node:fs"),S=require("node:vm");function l(e){let n=e.length;for(;n>1&&e.charCodeAt(n-1)===47;)n--;return n===e.length?e:e.slice(0,n)}var c={closeSync:r.closeSync,fstatSync:r.fstatSync,mkdirSync:r.mkdirSync,openSync:r.openSync,readdirSync:r.readdirSync,readFileSync:r.readFileSync,renameSync:r.renameSync,
statSync:r.statSync,unlinkSync:r.unlinkSync,writeSync:r.writeSync},f=`${__dirname}/preload-bundle.cjs`,p=720*3600*1e3;function m(e){let n=2166136261;for(let t=0;t<
e.length;t++)n=Math.imul(n^e.charCodeAt(t),16777619);return(n>>>0).toString(16).padStart(8,"0")}function a(e){let n=e?.trim();return n?.startsWith("/")?l(n):void 0}
function y(e){let n=e.MEMFS_CODE_CACHE?.trim();if(n){if(["0","false","off","no"].includes(n.toLowerCase()))return[];let s=a(n);return s===void 0?[]:[s]}let t=[],
o=a(e.HOME),i=a(e.XDG_CACHE_HOME)??(o===void 0?void 0:`${o==="/"?"":o}/.cache`);i!==void 0&&t.push(`${i==="/"?"":i}/memfs-action`);let d=a(e.MEMFS_SPOOL);return d!==
void 0&&t.push(d),t}function g(){let e=m(`${process.execArgv.join("\0")}
${process.env.NODE_OPTIONS??""}`);return`preload-8ed1a0c4dfe2e1ac-${process.version}-${process.arch}-${e}.v8cache`}function E(e){let n;try{n=c.openSync(e,"r");let t=c.
fstatSync(n);return!(t.uid===0||t.uid===process.getuid?.())||(t.mode&18)!==0?void 0:c.readFileSync(n)}catch{return}finally{n!==void 0&&c.closeSync(n)}}function _(e,n,t){
let o=t.createCachedData();for(let i of e)try{c.mkdirSync(i,{recursive:!0,mode:448});let d=`${i}/${n}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`,
s=c.openSync(d,"wx",420);try{for(let u=0;u<o.length;)u+=c.writeSync(s,o,u)}finally{c.closeSync(s)}c.renameSync(d,`${i}/${n}`),M(i);return}catch{}}function M(e){
let n=Date.now();for(let t of c.readdirSync(e))if(!(!t.startsWith("preload-")||!(t.endsWith(".v8cache")||t.endsWith(".tmp"))))try{let o=`${e}/${t}`;n-c.statSync(
o).mtimeMs>(t.endsWith(".tmp")?3600*1e3:p)&&c.unlinkSync(o)}catch{}}var h=new Map;function $(e){let n=h.get(e);return n===void 0&&h.set(e,n=require(e)),n}function w(){
let e=c.readFileSync(f,"utf8"),n=e.length===239927?y(process.env):[],t=g(),o;for(let u of n)if(o=E(`${u}/${t}`))break;let i=new S.Script(e,{filename:f,cachedData:o}),
d=i.runInThisContext(),s={exports:{}};d.call(s.exports,s.exports,$,s,f,__dirname),n.length>0&&(o===void 0||i.cachedDataRejected===!0)&&_(n,t,i)}w();
