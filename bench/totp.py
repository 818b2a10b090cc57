# The current TOTP code of a base32 secret (RFC 6238, SHA-1, 6 digits, 30 s), for signing the bench accounts in.
import base64, hmac, hashlib, struct, sys, time
k = base64.b32decode(sys.argv[1])
h = hmac.new(k, struct.pack('>Q', int(time.time()) // 30), hashlib.sha1).digest()
o = h[-1] & 15
print('%06d' % ((struct.unpack('>I', h[o:o + 4])[0] & 0x7fffffff) % 1000000))
