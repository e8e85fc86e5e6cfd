export { parseMultipart } from "../../bench/stand-ins/multipart.js";
