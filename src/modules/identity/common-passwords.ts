// Passwords that appear at the top of every published leak list, plus Japanese favourites (facts gathered
// from public breach statistics; compared case-insensitively after removing trailing digits and symbols).
export const commonPasswords = new Set([
  '123456', '123456789', '12345678', '1234567890', '1234567', '12345', '1234', '111111', '000000', '123123',
  '654321', '666666', '888888', '112233', '121212', '123321', '987654321', '1q2w3e4r', '1qaz2wsx', 'qwerty',
  'qwertyuiop', 'qwerty123', 'asdfghjkl', 'asdfgh', 'zxcvbnm', 'password', 'password1', 'passw0rd', 'p@ssw0rd',
  'pass', 'admin', 'administrator', 'root', 'letmein', 'welcome', 'iloveyou', 'monkey', 'dragon', 'master',
  'sunshine', 'princess', 'football', 'baseball', 'soccer', 'superman', 'batman', 'trustno1', 'shadow',
  'michael', 'charlie', 'jennifer', 'hello', 'hellokitty', 'abc123', 'abcdef', 'abcd1234', 'aaaaaa', 'secret',
  'changeme', 'default', 'guest', 'test', 'testtest', 'login', 'starwars', 'whatever', 'freedom', 'computer',
  'internet', 'google', 'apple', 'samsung', 'pokemon', 'naruto', 'doraemon', 'pikachu', 'sakura', 'tokyo',
  'japan', 'nippon', 'kawasaki', 'yokohama', 'osaka', 'kyoto', 'ohayou', 'konnichiwa', 'arigatou', 'daisuki',
  'aishiteru', 'himitsu', 'pasuwado', 'pasuwaado', 'nihon', 'tanaka', 'suzuki', 'sato', 'takahashi',
  'cityhall', 'shiyakusho', 'mynumber', 'mainanba', 'qazwsx', 'zaq12wsx', 'q1w2e3r4', 'asdf1234', 'zxcv1234',
  'iloveu', 'lovely', 'loveme', 'maggie', 'jordan', 'hunter', 'ranger', 'buster', 'summer', 'winter', 'spring',
  'autumn', 'family', 'mother', 'father', 'yankees', 'tigers', 'giants', 'hanshin', 'carp',
]);
