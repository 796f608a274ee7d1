// The widget's stylesheet, injected into its shadow root so the host page's CSS cannot reach in and ours cannot leak out.
// Theming is by inherited custom properties (--harbor-brand, --harbor-font, --harbor-radius); px units only, so a host's
// root font size cannot rescale it.

/** The CSS text of the widget. */
export const WIDGET_CSS = `
:host{all:initial!important;display:block!important;position:static!important;contain:none!important}
.hc{all:initial;display:block;font-family:var(--harbor-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"PingFang SC","Microsoft YaHei",sans-serif);font-size:15px;line-height:1.45;color:var(--hc-fg);
--hc-brand:var(--harbor-brand,#0b4f6c);--hc-on-brand:var(--harbor-on-brand,#fff);--hc-radius:var(--harbor-radius,14px);
--hc-bg:#fff;--hc-fg:#1a2230;--hc-muted:#4a5568;--hc-line:#d5dbe3;--hc-bot:#f1f4f8;--hc-user:var(--hc-brand);--hc-on-user:var(--hc-on-brand);
--hc-staff:#e7f4ec;--hc-staff-fg:#14532d;--hc-link:#0b57a4;--hc-outline:var(--hc-brand);--hc-focus:#1d6fb8;--hc-err:#9b1c1c;--hc-err-bg:#fdecec;--hc-banner:#fff6db;--hc-banner-fg:#5c4200;--hc-shadow:0 12px 40px rgba(16,24,40,.22)}
@media (prefers-color-scheme:dark){.hc:not([data-theme=light]){--hc-bg:#141a22;--hc-fg:#e8edf3;--hc-muted:#b3bfcc;--hc-line:#334155;--hc-bot:#1f2833;--hc-staff:#173323;--hc-staff-fg:#bbf7d0;--hc-link:#8cc4ff;--hc-outline:#6fa8dc;--hc-focus:#fbbf24;--hc-err:#fecaca;--hc-err-bg:#3b1717;--hc-banner:#3a3113;--hc-banner-fg:#fde68a;--hc-shadow:0 12px 40px rgba(0,0,0,.6)}}
.hc[data-theme=dark]{--hc-bg:#141a22;--hc-fg:#e8edf3;--hc-muted:#b3bfcc;--hc-line:#334155;--hc-bot:#1f2833;--hc-staff:#173323;--hc-staff-fg:#bbf7d0;--hc-link:#8cc4ff;--hc-outline:#6fa8dc;--hc-focus:#fbbf24;--hc-err:#fecaca;--hc-err-bg:#3b1717;--hc-banner:#3a3113;--hc-banner-fg:#fde68a;--hc-shadow:0 12px 40px rgba(0,0,0,.6)}
.hc :where(*,*::before,*::after){box-sizing:border-box;font:inherit;color:inherit;letter-spacing:normal;text-transform:none;text-shadow:none}
.hc :where(button,textarea,a){all:unset;box-sizing:border-box;font:inherit;cursor:pointer}
.hc :focus-visible{outline:3px solid var(--hc-focus)!important;outline-offset:2px}
.hc [hidden]{display:none!important}
.sr{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483646;width:60px;height:60px;border-radius:50%;background:var(--hc-brand);color:var(--hc-on-brand);display:flex;align-items:center;justify-content:center;box-shadow:var(--hc-shadow);transition:transform .15s}
.launcher:hover{transform:scale(1.05)}
.launcher svg{width:28px;height:28px;fill:currentColor}
.badge{position:absolute;top:2px;right:2px;width:16px;height:16px;border-radius:50%;background:#c81e1e;border:2px solid #fff}
.panel{position:fixed;right:20px;bottom:92px;z-index:2147483647;width:380px;max-width:calc(100vw - 24px);height:620px;max-height:calc(100vh - 112px);display:flex;flex-direction:column;background:var(--hc-bg);color:var(--hc-fg);border:1px solid var(--hc-line);border-radius:var(--hc-radius);box-shadow:var(--hc-shadow);overflow:hidden}
.head{display:flex;align-items:center;gap:10px;padding:12px 12px 12px 16px;background:var(--hc-brand);color:var(--hc-on-brand)}
.logo{flex:none;width:34px;height:34px;border-radius:50%;background:rgba(255,255,255,.16);display:flex;align-items:center;justify-content:center;font-weight:700}
.titles{flex:1;min-width:0}
.title{display:block;font-weight:650;font-size:16px;margin:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sub{display:block;font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.hbtn{flex:none;white-space:nowrap;display:inline-flex;align-items:center;justify-content:center;min-width:36px;height:36px;padding:0 10px;border-radius:8px;font-size:13px;font-weight:600;color:var(--hc-on-brand)}
.hbtn:hover{background:rgba(255,255,255,.16)}
.head :focus-visible{outline-color:#fff!important;outline-offset:-3px}
.hbtn svg{width:20px;height:20px;fill:currentColor}
.banner{padding:8px 14px;font-size:13.5px;background:var(--hc-banner);color:var(--hc-banner-fg);border-bottom:1px solid var(--hc-line)}
.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px;background:var(--hc-bg)}
.msg{display:flex;flex-direction:column;max-width:86%;gap:4px}
.msg.user{align-self:flex-end;align-items:flex-end}
.who{font-size:12px;color:var(--hc-muted)}
.bubble{padding:9px 12px;border-radius:var(--hc-radius);background:var(--hc-bot);white-space:pre-wrap;overflow-wrap:anywhere}
.streaming .bubble::after{content:"";display:inline-block;width:7px;height:15px;margin-left:2px;vertical-align:-2px;background:var(--hc-muted);animation:hcc 1s steps(2) infinite}
@keyframes hcc{50%{opacity:0}}
.user .bubble{background:var(--hc-user);color:var(--hc-on-user);border-bottom-right-radius:4px}
.assistant .bubble{border-bottom-left-radius:4px}
.staff .bubble{background:var(--hc-staff);color:var(--hc-staff-fg)}
.system .bubble{background:transparent;border:1px dashed var(--hc-line);color:var(--hc-muted);font-size:13.5px}
.cites{display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-size:13px;color:var(--hc-muted)}
.cite{display:inline-block;padding:2px 8px;border:1px solid var(--hc-line);border-radius:999px;color:var(--hc-link);text-decoration:underline;min-height:24px}
.tool{font-size:13px;color:var(--hc-muted);display:flex;gap:6px;align-items:center}
.tool::before{content:"";width:8px;height:8px;border-radius:50%;background:var(--hc-muted);flex:none}
.tool.end::before{content:"✓";width:auto;height:auto;background:none;color:var(--hc-staff-fg)}
.typing{display:inline-flex;gap:4px;padding:12px 14px;border-radius:var(--hc-radius);background:var(--hc-bot);align-self:flex-start}
.typing i{width:7px;height:7px;border-radius:50%;background:var(--hc-muted);animation:hcb 1.2s infinite ease-in-out}
.typing i:nth-child(2){animation-delay:.15s}.typing i:nth-child(3){animation-delay:.3s}
@keyframes hcb{0%,80%,100%{opacity:.3;transform:translateY(0)}40%{opacity:1;transform:translateY(-3px)}}
@media (prefers-reduced-motion:reduce){.typing i,.streaming .bubble::after{animation:none}.launcher{transition:none}}
.quick{display:flex;flex-wrap:wrap;gap:6px}
.chip{padding:6px 12px;min-height:32px;border:1.5px solid var(--hc-outline);border-radius:999px;color:var(--hc-fg);background:var(--hc-bg);font-size:14px}
.chip:hover{background:var(--hc-bot)}
.card{border:1.5px solid var(--hc-outline);border-radius:var(--hc-radius);padding:12px;background:var(--hc-bg);display:flex;flex-direction:column;gap:8px;max-width:92%}
.card h3{margin:0;font-weight:700;font-size:14.5px}
.card p{margin:0}
.row{display:flex;gap:8px;flex-wrap:wrap}
.btn{display:inline-flex;align-items:center;justify-content:center;min-height:36px;padding:0 16px;border-radius:8px;font-weight:600;background:var(--hc-brand);color:var(--hc-on-brand)}
.btn.ghost{background:transparent;color:var(--hc-fg);border:1.5px solid var(--hc-line)}
.btn[aria-disabled=true]{opacity:.6;cursor:default}
.outcome{font-size:13px;font-weight:600;color:var(--hc-muted)}
.error{display:flex;flex-direction:column;gap:8px;padding:10px 12px;border-radius:10px;background:var(--hc-err-bg);color:var(--hc-err);align-self:stretch}
.fb{display:flex;flex-direction:column;gap:6px}
.thumbs{display:flex;gap:4px}
.thumb{display:inline-flex;align-items:center;justify-content:center;width:32px;height:32px;border-radius:8px;color:var(--hc-muted);border:1px solid transparent}
.thumb:hover{background:var(--hc-bot)}
.thumb svg{width:18px;height:18px;fill:currentColor}
.thumb[aria-pressed=true]{color:var(--hc-on-brand);background:var(--hc-brand)}
.fbform,.csat{display:flex;flex-direction:column;gap:8px}
.fbfield{display:flex;flex-direction:column;gap:4px;font-size:13px}
.fbinput{display:block;width:100%;min-height:52px;padding:8px 10px;border:1.5px solid var(--hc-line);border-radius:8px;background:var(--hc-bg);color:var(--hc-fg);white-space:pre-wrap;cursor:text;resize:none}
.fbform .btn{align-self:flex-start}
.fbnote{margin:0;font-size:13px;color:var(--hc-muted)}
.fbnote.err{color:var(--hc-err)}
.csat{border:1.5px solid var(--hc-outline);border-radius:var(--hc-radius);padding:12px;background:var(--hc-bg)}
.csat fieldset{border:0;margin:0;padding:0;min-width:0}
.csat legend{padding:0;margin-bottom:8px;font-weight:700;font-size:14.5px}
.rates{display:flex;gap:6px}
.rate{flex:1;display:flex;flex-direction:column;align-items:center;gap:2px;padding:6px 2px;min-height:52px;border:1.5px solid var(--hc-line);border-radius:10px;cursor:pointer;text-align:center}
.rate .n{font-weight:700;font-size:16px}
.rate .w{font-size:11.5px;line-height:1.2;color:var(--hc-muted)}
.rate:hover{background:var(--hc-bot)}
.rate:has(:checked){border-color:var(--hc-brand);background:var(--hc-brand);color:var(--hc-on-brand)}
.rate:has(:checked) .w{color:var(--hc-on-brand)}
.rate:has(:focus-visible){outline:3px solid var(--hc-focus);outline-offset:2px}
.csatpop{position:fixed;right:20px;bottom:92px;z-index:2147483646;width:340px;max-width:calc(100vw - 24px);border-radius:var(--hc-radius);box-shadow:var(--hc-shadow);background:var(--hc-bg);color:var(--hc-fg)}
.csatpop>.fbnote{padding:14px;border:1.5px solid var(--hc-outline);border-radius:var(--hc-radius)}
.foot{border-top:1px solid var(--hc-line);padding:10px;display:flex;flex-direction:column;gap:6px;background:var(--hc-bg)}
.compose{display:flex;gap:8px;align-items:flex-end}
.input{flex:1;min-height:42px;max-height:120px;padding:10px 12px;border:1.5px solid var(--hc-line);border-radius:10px;background:var(--hc-bg);color:var(--hc-fg);white-space:pre-wrap;overflow-y:auto;cursor:text;resize:none}
.input::placeholder{color:var(--hc-muted);opacity:1}
.send{flex:none;width:42px;height:42px;border-radius:10px;background:var(--hc-brand);color:var(--hc-on-brand);display:flex;align-items:center;justify-content:center}
.send svg{width:20px;height:20px;fill:currentColor}
.note{font-size:12px;color:var(--hc-muted);text-align:center}
@media (max-width:480px){.sub{display:none}.head{padding:10px 8px 10px 12px;gap:6px}.logo{width:30px;height:30px}.panel{right:0;bottom:0;left:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0;border:0}.launcher{right:14px;bottom:14px}.hc[data-open] .launcher{display:none}}
`;
