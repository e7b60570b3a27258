package normalize

import (
	"slices"
	"strings"
	"testing"
)

// TestParallelVersions: one sentence in the style of a resolution's
// preamble, written for this test in the six languages (each a
// translation of the English), gives the same symbols in every language.
func TestParallelVersions(t *testing.T) {
	x := NewExtractor()
	tests := []struct {
		name     string
		want     string // sorted keys
		versions map[string]string
	}{
		{"enumerations, dates, organs and documents", "A/64/228 A/DEC/64/555 A/RES/57/270 A/RES/60/1 A/RES/65/1 E/RES/2004/68 S/2010/579 S/RES/1373(2001) S/RES/1540(2004)", map[string]string{
			"en": "Recalling its resolutions 1373 (2001) of 28 September 2001 and 1540 (2004) of 28 April 2004, General Assembly resolution 60/1 of 16 September 2005, resolution 57/270 B of 23 June 2003, Economic and Social Council resolution 2004/68 and its decision 64/555, and the annex to resolution 65/1, and taking note of the report of the Secretary-General (A/64/228) and document S/2010/579,",
			"fr": "Rappelant ses résolutions 1373 (2001) du 28 septembre 2001 et 1540 (2004) du 28 avril 2004, la résolution 60/1 de l’Assemblée générale, en date du 16 septembre 2005, la résolution 57/270 B du 23 juin 2003, la résolution 2004/68 du Conseil économique et social et sa décision 64/555, ainsi que l’annexe à la résolution 65/1, et prenant note du rapport du Secrétaire général (A/64/228) et du document S/2010/579,",
			"es": "Recordando sus resoluciones 1373 (2001), de 28 de septiembre de 2001, y 1540 (2004), de 28 de abril de 2004, la resolución 60/1 de la Asamblea General, de 16 de septiembre de 2005, la resolución 57/270 B, de 23 de junio de 2003, la resolución 2004/68 del Consejo Económico y Social y su decisión 64/555, así como el anexo de la resolución 65/1, y tomando nota del informe del Secretario General (A/64/228) y del documento S/2010/579,",
			"ru": "ссылаясь на свои резолюции 1373 (2001) от 28 сентября 2001 года и 1540 (2004) от 28 апреля 2004 года, резолюцию 60/1 Генеральной Ассамблеи от 16 сентября 2005 года, резолюцию 57/270 В от 23 июня 2003 года, резолюцию 2004/68 Экономического и Социального Совета и свое решение 64/555, а также приложение к резолюции 65/1 и принимая к сведению доклад Генерального секретаря (A/64/228) и документ S/2010/579,",
			"ar": "إذ يشير إلى قراريه 1373 (2001) المؤرخ 28 أيلول/سبتمبر 2001 و 1540 (2004) المؤرخ 28 نيسان/أبريل 2004، وقرار الجمعية العامة 60/1 المؤرخ 16 أيلول/سبتمبر 2005، والقرار 57/270 باء المؤرخ 23 حزيران/يونيه 2003، وقرار المجلس الاقتصادي والاجتماعي 2004/68 ومقرره 64/555، ومرفق القرار 65/1، وإذ يحيط علما بتقرير الأمين العام (A/64/228) والوثيقة S/2010/579،",
			"zh": "回顾其2001年9月28日第1373(2001)号和2004年4月28日第1540(2004)号决议、大会2005年9月16日第60/1号决议、2003年6月23日第57/270 B号决议、经济及社会理事会第2004/68号决议及其第64/555号决定以及第65/1号决议附件，并注意到秘书长的报告(A/64/228)和S/2010/579号文件，",
		}},
		{"old style, special sessions and organs between", "A/HRC/RES/5/1 A/RES/2625(XXV) A/RES/3201(S-VI) A/RES/3314(XXIX) A/RES/ES-10/19 A/RES/S-26/2 E/CN.4/RES/2005/69 S/PRST/2004/33 S/RES/1267(1999) S/RES/1333(2000) S/RES/1390(2002)", map[string]string{
			"en": "Recalling its resolutions 2625 (XXV) of 24 October 1970 and 3314 (XXIX) of 14 December 1974, resolutions ES-10/19, S-26/2 and 3201 (S-VI), Human Rights Council resolution 5/1 of 18 June 2007, Commission on Human Rights resolution 2005/69, Security Council resolutions 1267 (1999), 1333 (2000) and 1390 (2002), and the statement by its President of 19 November 2004 (S/PRST/2004/33),",
			"fr": "Rappelant ses résolutions 2625 (XXV) du 24 octobre 1970 et 3314 (XXIX) du 14 décembre 1974, les résolutions ES-10/19, S-26/2 et 3201 (S-VI), la résolution 5/1 du Conseil des droits de l’homme, en date du 18 juin 2007, la résolution 2005/69 de la Commission des droits de l’homme, les résolutions du Conseil de sécurité 1267 (1999), 1333 (2000) et 1390 (2002), ainsi que la déclaration de son président en date du 19 novembre 2004 (S/PRST/2004/33),",
			"es": "Recordando sus resoluciones 2625 (XXV), de 24 de octubre de 1970, y 3314 (XXIX), de 14 de diciembre de 1974, las resoluciones ES-10/19, S-26/2 y 3201 (S-VI), la resolución 5/1 del Consejo de Derechos Humanos, de 18 de junio de 2007, la resolución 2005/69 de la Comisión de Derechos Humanos, las resoluciones del Consejo de Seguridad 1267 (1999), 1333 (2000) y 1390 (2002), y la declaración de su Presidencia de 19 de noviembre de 2004 (S/PRST/2004/33),",
			"ru": "ссылаясь на свои резолюции 2625 (XXV) от 24 октября 1970 года и 3314 (XXIX) от 14 декабря 1974 года, резолюции ES-10/19, S-26/2 и 3201 (S-VI), резолюцию 5/1 Совета по правам человека от 18 июня 2007 года, резолюцию 2005/69 Комиссии по правам человека, резолюции Совета Безопасности 1267 (1999), 1333 (2000) и 1390 (2002), а также заявление его Председателя от 19 ноября 2004 года (S/PRST/2004/33),",
			"ar": "إذ تشير إلى قراريها 2625 (د-25) المؤرخ 24 تشرين الأول/أكتوبر 1970 و 3314 (د-29) المؤرخ 14 كانون الأول/ديسمبر 1974، والقرارات دإط-10/19 ودإ-26/2 و 3201 (دإ-6)، وقرار مجلس حقوق الإنسان 5/1 المؤرخ 18 حزيران/يونيه 2007، وقرار لجنة حقوق الإنسان 2005/69، وقرارات مجلس الأمن 1267 (1999) و 1333 (2000) و 1390 (2002)، وبيان رئيسه المؤرخ 19 تشرين الثاني/نوفمبر 2004 (S/PRST/2004/33)،",
			"zh": "回顾其1970年10月24日第2625(XXV)号和1974年12月14日第3314(XXIX)号决议、第ES-10/19号、第S-26/2号和第3201(S-VI)号决议、人权理事会2007年6月18日第5/1号决议、人权委员会第2005/69号决议、安全理事会第1267(1999)、1333(2000)和1390(2002)号决议以及安理会主席2004年11月19日的声明(S/PRST/2004/33)，",
		}},
		{"pins, decisions, explicit symbols and continuations", "A/78/123 A/78/123/Corr.1 A/C.3/78/L.60/Rev.1 A/RES/70/1 A/RES/70/1 E/DEC/2019/201 S/RES/1325(2000) S/RES/1701(2006) S/RES/2334(2016)", map[string]string{
			"en": "Recalling paragraphs 3 to 5 of resolution 1701 (2006), resolution 1325 (2000) on women and peace and security, Economic and Social Council decision 2019/201, its resolution 70/1, entitled “Transforming our world”, resolution A/RES/70/1 and Security Council resolution S/RES/2334 (2016), and having considered draft resolution A/C.3/78/L.60/Rev.1 and the report (A/78/123 and Corr.1),",
			"fr": "Rappelant les paragraphes 3 à 5 de la résolution 1701 (2006), la résolution 1325 (2000) sur les femmes et la paix et la sécurité, la décision 2019/201 du Conseil économique et social, sa résolution 70/1, intitulée « Transformer notre monde », la résolution A/RES/70/1 et la résolution S/RES/2334 (2016) du Conseil de sécurité, et ayant examiné le projet de résolution A/C.3/78/L.60/Rev.1 et le rapport (A/78/123 et Corr.1),",
			"es": "Recordando los párrafos 3 a 5 de la resolución 1701 (2006), la resolución 1325 (2000) sobre las mujeres y la paz y la seguridad, la decisión 2019/201 del Consejo Económico y Social, su resolución 70/1, titulada “Transformar nuestro mundo”, la resolución A/RES/70/1 y la resolución S/RES/2334 (2016) del Consejo de Seguridad, y habiendo examinado el proyecto de resolución A/C.3/78/L.60/Rev.1 y el informe (A/78/123 y Corr.1),",
			"ru": "ссылаясь на пункты 3–5 резолюции 1701 (2006), резолюцию 1325 (2000) о женщинах и мире и безопасности, решение 2019/201 Экономического и Социального Совета, свою резолюцию 70/1, озаглавленную «Преобразование нашего мира», резолюцию A/RES/70/1 и резолюцию S/RES/2334 (2016) Совета Безопасности и рассмотрев проект резолюции A/C.3/78/L.60/Rev.1 и доклад (A/78/123 и Corr.1),",
			"ar": "إذ تشير إلى الفقرات من 3 إلى 5 من القرار 1701 (2006)، والقرار 1325 (2000) بشأن المرأة والسلام والأمن، ومقرر المجلس الاقتصادي والاجتماعي 2019/201، وقرارها 70/1 المعنون ”تحويل عالمنا“، والقرار A/RES/70/1 وقرار مجلس الأمن S/RES/2334 (2016)، وقد نظرت في مشروع القرار A/C.3/78/L.60/Rev.1 والتقرير (A/78/123 و Corr.1)،",
			"zh": "回顾第1701(2006)号决议第3至5段、关于妇女与和平与安全的第1325(2000)号决议、经济及社会理事会第2019/201号决定、题为“变革我们的世界”的第70/1号决议、A/RES/70/1号决议和安全理事会S/RES/2334(2016)号决议，并审议了决议草案A/C.3/78/L.60/Rev.1和报告(A/78/123和Corr.1)，",
		}},
	}
	for _, tt := range tests {
		for lang, text := range tt.versions {
			var keys []string
			for _, c := range x.Extract([]byte(text), Options{}) {
				checkSpan(t, text, c)
				keys = append(keys, c.Key)
			}
			slices.Sort(keys)
			if got := strings.Join(keys, " "); got != tt.want {
				t.Errorf("%s, %s:\n got  %s\n want %s", tt.name, lang, got, tt.want)
			}
		}
	}
}
