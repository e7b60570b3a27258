package linker

import "testing"

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"主席(以西班牙语发言)：我宣布裁军谈判会议第 1505 次全体会议开始。", "zh"},
		{"The President: I now give the floor to the representative of Mexico.", "en"},
		{"El Presidente: Tiene la palabra la representante de Chile, que habla en nombre del Grupo.", "es"},
		{"Le Président : Je donne la parole au représentant de la France, qui parle au nom des États.", "fr"},
		{"Председатель: Я предоставляю слово представителю Российской Федерации.", "ru"},
		{"الرئيس: أعطي الكلمة الآن لممثل مصر.", "ar"},
		{"大会第 73/266 号决议 (resolution 73/266, A/RES/73/266)", "zh"},
		{"A/RES/217 (III)", "en"},
	}
	for _, tt := range tests {
		if got, _ := DetectLanguage([]byte(tt.text)); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %s; want %s", tt.text, got, tt.want)
		}
	}
}
